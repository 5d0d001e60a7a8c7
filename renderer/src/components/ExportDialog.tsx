import { useEffect, useRef, useState } from 'preact/hooks';
import {
  EXPORT_FORMATS,
  REPORT_FORMATS,
  REPORT_SECTIONS,
  type ExportFormat,
  type ExportOptions,
  type ReportSection,
} from '../../../shared/export/options.ts';
import type { AppStore } from '../app/app-store.ts';
import { Dialog } from './Dialog.tsx';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  html: 'HTML report (one self-contained file)',
  pdf: 'PDF report',
  md: 'Markdown report',
  docx: 'Word report (DOCX)',
  tags: 'Scholia tag file (JSON)',
  w3c: 'W3C Web Annotation (JSON-LD)',
  csv: 'CSV, one row per annotation',
  claimreview: 'schema.org ClaimReview (JSON-LD)',
  brat: 'brat standoff (zip)',
  conll: 'CoNLL IOB2 of the entity mentions',
};

const SECTION_LABELS: Record<ReportSection, string> = {
  summary: 'Summary counts',
  claims: 'Claims',
  quotes: 'Quotes',
  entities: 'Entities',
  notes: 'Notes',
};

const PREVIEW_DELAY_MS = 250;

/** Decodes the export's base64 bytes and hands them to the browser as a download (Electron shows its save dialog). */
export function downloadExport(file: { filename: string; mimeType: string; base64: string }): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function decodeUtf8(base64: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return new TextDecoder().decode(bytes);
}

/** A report split for the preview: its markup without `<style>` elements, and their CSS. */
interface PreviewDocument {
  html: string;
  css: string;
}

/**
 * The page's CSP (`style-src 'self'`) is inherited by every local-scheme frame — srcdoc, blob: and
 * data: alike (checked in Chromium) — so the report's own `<style>` would be refused in the preview.
 * The markup goes in without it, and its CSS is adopted through the CSSOM (a constructed
 * stylesheet), which the CSP does not govern. A plain string cut, not DOMParser: a parsed
 * document's `<style>` is checked against the page's CSP too. The report escapes all text, so its
 * one `<style>` element is the only place the tag occurs.
 */
function splitReport(html: string): PreviewDocument {
  let css = '';
  const markup = html.replace(/<style>([\s\S]*?)<\/style>/gu, (_match, sheet: string) => {
    css += `${sheet}\n`;
    return '';
  });
  return { html: markup, css };
}

function adoptStyles(frame: HTMLIFrameElement, css: string): void {
  const view = frame.contentWindow as (Window & typeof globalThis) | null;
  const doc = frame.contentDocument;
  if (!view || !doc) return;
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [sheet];
}

function toggled<T>(list: readonly T[], item: T, on: boolean, order: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(item);
  else set.delete(item);
  return order.filter((candidate) => set.has(candidate));
}

/** Export (Ctrl/Cmd+Shift+E, or "Export…"): a format, the report options, a preview of the HTML report, and the download. */
export function ExportDialog({ store }: { store: AppStore }) {
  if (store.ui.dialog.value !== 'export' || !store.session.value) return null;
  return <ExportForm store={store} />;
}

function ExportForm({ store }: { store: AppStore }) {
  const verdicts = store.tagset.value.verdicts;
  const [format, setFormat] = useState<ExportFormat>('html');
  const [sections, setSections] = useState<ReportSection[]>([...REPORT_SECTIONS]);
  const [verdictFilter, setVerdictFilter] = useState<string[]>([]);
  const [includeArticle, setIncludeArticle] = useState(true);
  const [embedText, setEmbedText] = useState(true);
  const [csvRawFormulas, setCsvRawFormulas] = useState(false);
  const [preview, setPreview] = useState<PreviewDocument | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const isReport = REPORT_FORMATS.includes(format);
  const options: ExportOptions = isReport
    ? { sections, includeArticle, ...(verdictFilter.length > 0 ? { verdicts: verdictFilter } : {}) }
    : format === 'tags'
      ? { embedText }
      : format === 'csv' && csvRawFormulas
        ? { csvRawFormulas }
        : {};
  const optionsKey = JSON.stringify(options);
  const noSection = isReport && sections.length === 0 && !includeArticle;

  useEffect(() => {
    if (format !== 'html' || noSection) {
      setPreview(null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      void store.renderExport('html', JSON.parse(optionsKey) as ExportOptions).then((file) => {
        if (!cancelled && file) setPreview(splitReport(decodeUtf8(file.base64)));
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [format, optionsKey, noSection, store]);

  const close = () => {
    store.ui.dialog.value = null;
    // After the dialog has handed focus back, the article takes it.
    setTimeout(() => store.session.value?.focusReader(), 0);
  };

  const exportNow = async () => {
    setBusy(true);
    setProblem(null);
    const file = await store.renderExport(format, options);
    setBusy(false);
    if (!file) {
      setProblem(store.message.value?.text ?? 'The export failed.');
      return;
    }
    downloadExport(file);
    store.report('info', `Exported ${file.filename}.`);
    close();
  };

  return (
    <Dialog title="Export" class="export-dialog" onClose={close}>
      <form
        class="export-form"
        onSubmit={(event) => {
          event.preventDefault();
          void exportNow();
        }}
      >
        <div class="export-options">
          <label class="field">
            <span class="field-label">Format</span>
            <select class="input" value={format} onChange={(event) => setFormat(event.currentTarget.value as ExportFormat)}>
              {EXPORT_FORMATS.map((id) => (
                <option key={id} value={id}>
                  {FORMAT_LABELS[id]}
                </option>
              ))}
            </select>
          </label>
          {isReport ? (
            <>
              <fieldset class="export-fieldset">
                <legend>Sections</legend>
                <label class="check">
                  <input type="checkbox" checked={includeArticle} onChange={(event) => setIncludeArticle(event.currentTarget.checked)} />
                  Article with its highlights
                </label>
                {REPORT_SECTIONS.map((section) => (
                  <label key={section} class="check">
                    <input
                      type="checkbox"
                      checked={sections.includes(section)}
                      onChange={(event) => setSections(toggled(sections, section, event.currentTarget.checked, REPORT_SECTIONS))}
                    />
                    {SECTION_LABELS[section]}
                  </label>
                ))}
              </fieldset>
              <fieldset class="export-fieldset">
                <legend>Claims with verdict</legend>
                <p class="field-hint">{verdictFilter.length === 0 ? 'Every claim (none ticked).' : 'Only the claims ticked here.'}</p>
                {verdicts.map((verdict) => (
                  <label key={verdict.id} class="check">
                    <input
                      type="checkbox"
                      checked={verdictFilter.includes(verdict.id)}
                      onChange={(event) =>
                        setVerdictFilter(
                          toggled(
                            verdictFilter,
                            verdict.id,
                            event.currentTarget.checked,
                            verdicts.map((entry) => entry.id),
                          ),
                        )
                      }
                    />
                    {verdict.label}
                  </label>
                ))}
              </fieldset>
            </>
          ) : format === 'tags' ? (
            <label class="check">
              <input type="checkbox" checked={embedText} onChange={(event) => setEmbedText(event.currentTarget.checked)} />
              Embed the article text (the file is then self-contained)
            </label>
          ) : format === 'csv' ? (
            <>
              <p class="field-hint">Data files always carry every annotation.</p>
              <label class="check">
                <input type="checkbox" checked={csvRawFormulas} onChange={(event) => setCsvRawFormulas(event.currentTarget.checked)} />
                Keep cells that start with = + - @ as they are (for data tools; a spreadsheet could run them as formulas)
              </label>
            </>
          ) : (
            <p class="field-hint">Data files always carry every annotation.</p>
          )}
          {noSection ? <p class="field-problem">Choose at least one section or the article.</p> : null}
          {problem ? (
            <p class="field-problem" role="alert">
              {problem}
            </p>
          ) : null}
          <div class="export-actions">
            <button type="button" class="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" class="button button-primary" disabled={busy || noSection}>
              {busy ? 'Exporting…' : 'Export'}
            </button>
          </div>
        </div>
        <div class="export-preview-pane">
          {format === 'html' ? (
            preview === null ? (
              <p class="export-preview-empty">{noSection ? 'Nothing to preview.' : 'Preparing the preview…'}</p>
            ) : (
              // No allow-scripts: the report is shown, never run. allow-same-origin only lets this page
              // hand the frame its stylesheet (see splitReport).
              <iframe
                ref={frame}
                class="export-preview"
                title="Preview of the HTML report"
                sandbox="allow-same-origin"
                srcdoc={preview.html}
                onLoad={() => frame.current && adoptStyles(frame.current, preview.css)}
              />
            )
          ) : (
            <p class="export-preview-empty">A preview is shown for the HTML report.</p>
          )}
        </div>
      </form>
    </Dialog>
  );
}
