import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from '../../../shared/contract/errors.ts';
import type { ReaderView } from '../reader/reader-view.ts';

/**
 * Mounts the reader `build` makes while `deps` hold, then `connect`s it (which may return its undo).
 * A reader that cannot be built is said in `failure` instead.
 */
export function useReaderView(
  build: (host: HTMLDivElement) => ReaderView,
  connect: (reader: ReaderView, host: HTMLDivElement) => (() => void) | undefined,
  deps: readonly unknown[],
): { place: { current: HTMLDivElement | null }; failure: string | null } {
  const place = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    const host = place.current;
    if (!host) return;
    let reader: ReaderView;
    try {
      reader = build(host);
    } catch (error) {
      setFailure(messageOf(error));
      return;
    }
    setFailure(null);
    const disconnect = connect(reader, host);
    return () => {
      disconnect?.();
      reader.destroy();
    };
  }, deps);
  return { place, failure };
}

/** The reader's frame: the failure, when the reader could not be built, and the place it is mounted in. */
export function ReaderFrame({
  place,
  failure,
  ...article
}: {
  place: { current: HTMLDivElement | null };
  failure: string | null;
  class: string;
  lang?: string;
  'aria-label'?: string;
  children?: ComponentChildren;
}) {
  return (
    <article {...article}>
      {failure ? (
        <p class="reader-failure" role="alert">
          {failure}
        </p>
      ) : null}
      <div ref={place} class="reader-host" />
    </article>
  );
}
