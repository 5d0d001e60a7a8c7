import type { AppStore } from '../app/app-store.ts';

/** The library's notices (say, a damaged file moved aside), each dismissible. */
export function NoticeBanner({ store }: { store: AppStore }) {
  const notices = store.notices.value;
  if (notices.length === 0) return null;
  return (
    <div class="notices" role="region" aria-label="Notices">
      {notices.map((notice, index) => (
        <div key={`${index}-${notice.message}`} class={`notice notice-${notice.level}`} role={notice.level === 'info' ? 'status' : 'alert'}>
          <p class="notice-text">{notice.message}</p>
          <button type="button" class="button button-quiet" aria-label="Dismiss notice" onClick={() => store.dismissNotice(notice)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
