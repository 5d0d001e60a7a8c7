import type { AgreementScope } from '../../../shared/agreement/agreement-report.ts';
import { describeMajoritySpan } from '../../../shared/agreement/majority-view.ts';
import type { AppStore } from '../app/app-store.ts';
import { excerpt } from './ListParts.tsx';

const SCOPES: readonly AgreementScope[] = ['all', 'claim', 'quote', 'entity', 'note'];
const SCOPE_LABELS: Record<AgreementScope, string> = {
  all: 'All kinds',
  claim: 'Claims',
  quote: 'Quotes',
  entity: 'Mentions',
  note: 'Notes',
};
const KIND_LABELS: Record<Exclude<AgreementScope, 'all'>, string> = { claim: 'Claim', quote: 'Quote', entity: 'Mention', note: 'Note' };

/** Three or more annotators: each stretch someone marked, how many marked it; clicking one shows it in the article. */
function MajorityList({ store }: { store: AppStore }) {
  const review = store.review;
  const report = review.agreement.value;
  if (!report || report.majority.annotators < 3) return null;
  const { annotators, spans, byCount } = report.majority;
  const text = store.session.value?.text ?? '';
  const counts = Object.keys(byCount)
    .map(Number)
    .sort((a, b) => b - a);
  return (
    <section class="agreement-majority" data-testid="agreement-majority">
      <h3 class="agreement-heading">Majority view</h3>
      <p class="agreement-line" data-testid="majority-counts">
        {counts.map((count) => `${count} of ${annotators}: ${byCount[count] ?? 0} ${byCount[count] === 1 ? 'span' : 'spans'}`).join(' · ')}
      </p>
      <ul class="majority-list" aria-label="Spans by how many annotators marked them">
        {spans.map((span) => (
          <li
            key={`${span.kind}:${span.start}:${span.end}`}
            data-majority-count={span.annotators.length}
            data-start={span.start}
            data-end={span.end}
          >
            <button
              type="button"
              class="majority-span"
              title={`Marked by ${span.annotators.join(', ')}`}
              onClick={() => review.showSpan(span.start, span.end)}
            >
              <span
                class={`majority-count majority-count-${span.annotators.length >= annotators ? 'all' : span.annotators.length * 2 > annotators ? 'most' : 'few'}`}
              >
                {span.annotators.length} of {annotators}
              </span>
              <span class={`swatch swatch-${span.kind}`} aria-hidden="true" />
              <span class="majority-kind">{KIND_LABELS[span.kind]}</span>
              <span class="majority-text">“{excerpt(text.slice(span.start, span.end), 90)}”</span>
              <span class="majority-who">{describeMajoritySpan(span, annotators)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Three or more layers: one line per pair of annotators, to see at a glance who agrees with whom. */
function PairsTable({ store }: { store: AppStore }) {
  const report = store.review.agreement.value;
  if (!report || report.pairs.length < 2) return null;
  const explain = report.explanations;
  // Speakers only when some pair has quotes to compare; the panel is narrow.
  const speakers = report.pairs.some((pair) => pair.speaker.pairs > 0);
  return (
    <section class="agreement-pairs" data-testid="agreement-pairs">
      <h3 class="agreement-heading">By pair of annotators</h3>
      <table class="agreement-table">
        <thead>
          <tr>
            <th scope="col">Pair</th>
            <th scope="col" title={explain.overlapF1}>
              Spans
            </th>
            <th scope="col" title={explain.kappa}>
              κ
            </th>
            <th scope="col" title={explain.verdict}>
              Verdicts
            </th>
            {speakers ? (
              <th scope="col" title={explain.speaker}>
                Speakers
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {report.pairs.map((pair) => (
            <tr key={`${pair.a}|${pair.b}`} data-pair={`${pair.a}|${pair.b}`}>
              <th scope="row">
                {pair.a} · {pair.b}
              </th>
              <td data-figure="overlapF1" title={`overlap F1 ${figure(pair.scopes.all.overlap.f1)}`}>
                {figure(pair.scopes.all.overlap.f1)}
              </td>
              <td data-figure="kappa">{figure(pair.scopes.all.kappa.value)}</td>
              <td data-figure="verdict" title={`${pair.verdict.agreed} of ${pair.verdict.pairs} claims`}>
                {figure(pair.verdict.value)}
              </td>
              {speakers ? (
                <td data-figure="speaker" title={`${pair.speaker.agreed} of ${pair.speaker.pairs} quotes`}>
                  {figure(pair.speaker.value)}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="agreement-line">Spans: overlap F1 over all kinds. Each pair is compared on its own work (docs/REVIEW.md).</p>
    </section>
  );
}

/** A figure to three decimals; a dash when it cannot be given (nothing to compare). */
export function figure(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(3);
}

/** The agreement figures (`review.agreement`), each explained in one line, and the report to export. */
export function AgreementPanel({ store }: { store: AppStore }) {
  const review = store.review;
  const report = review.agreement.value;
  if (!report) return <p class="list-empty">Computing the agreement…</p>;
  const explain = report.explanations;
  return (
    <div class="agreement" data-testid="agreement-panel">
      <p class="agreement-who">{report.annotators.map((annotator) => `${annotator.name} (${annotator.annotations})`).join(' · ')}</p>
      <PairsTable store={store} />
      <MajorityList store={store} />
      <h3 class="agreement-heading">
        Overall{report.annotators.length > 2 ? ` (means of ${report.pairs.length} pairs; αu over all ${report.annotators.length})` : ''}
      </h3>
      <table class="agreement-table" data-testid="agreement-overall">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col" title={explain.exactF1}>
              Exact F1
            </th>
            <th scope="col" title={explain.overlapF1}>
              Overlap F1
            </th>
            <th scope="col" title={explain.kappa}>
              κ
            </th>
            <th scope="col" title={explain.alphaU}>
              αu
            </th>
          </tr>
        </thead>
        <tbody>
          {SCOPES.map((scope) => {
            const row = report.overall.scopes[scope];
            return (
              <tr key={scope} data-scope={scope}>
                <th scope="row">{SCOPE_LABELS[scope]}</th>
                <td data-figure="exactF1">{figure(row.exactF1)}</td>
                <td data-figure="overlapF1">{figure(row.overlapF1)}</td>
                <td data-figure="kappa">{figure(row.kappa)}</td>
                <td data-figure="alphaU">{figure(row.alphaU.value)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl class="agreement-values">
        <div>
          <dt>Speaker agreement</dt>
          <dd data-figure="speaker">{figure(report.overall.speaker)}</dd>
        </div>
        <div>
          <dt>Verdict agreement</dt>
          <dd data-figure="verdict">{figure(report.overall.verdict)}</dd>
        </div>
      </dl>
      {report.pairs.map((pair) => (
        <section key={`${pair.a}|${pair.b}`} class="agreement-pair" data-testid="agreement-pair">
          <h3 class="agreement-heading">
            {pair.a} and {pair.b}
          </h3>
          <table class="agreement-table">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col" title={explain.precision}>
                  P
                </th>
                <th scope="col" title={explain.recall}>
                  R
                </th>
                <th scope="col" title={explain.exactF1}>
                  F1
                </th>
                <th scope="col" title={explain.overlapF1}>
                  Overlap F1
                </th>
                <th scope="col" title={explain.kappa}>
                  κ
                </th>
              </tr>
            </thead>
            <tbody>
              {SCOPES.map((scope) => {
                const row = pair.scopes[scope];
                return (
                  <tr key={scope} data-scope={scope}>
                    <th scope="row">
                      {SCOPE_LABELS[scope]}
                      <span class="agreement-n">
                        {row.exact.a} / {row.exact.b}
                      </span>
                    </th>
                    <td data-figure="precision">{figure(row.exact.precision)}</td>
                    <td data-figure="recall">{figure(row.exact.recall)}</td>
                    <td data-figure="exactF1">{figure(row.exact.f1)}</td>
                    <td
                      data-figure="overlapF1"
                      title={`overlap precision ${figure(row.overlap.precision)}, recall ${figure(row.overlap.recall)}`}
                    >
                      {figure(row.overlap.f1)}
                    </td>
                    <td data-figure="kappa">{figure(row.kappa.value)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p class="agreement-line">
            Speakers: {pair.speaker.agreed} of {pair.speaker.pairs} quotes agree ({figure(pair.speaker.value)}) · Verdicts:{' '}
            {pair.verdict.agreed} of {pair.verdict.pairs} claims agree ({figure(pair.verdict.value)})
          </p>
        </section>
      ))}
      <h3 class="agreement-heading">What the figures mean</h3>
      <ul class="agreement-explanations">
        {(['exactF1', 'overlapF1', 'precision', 'recall', 'kappa', 'alphaU', 'speaker', 'verdict'] as const).map((name) => (
          <li key={name} data-explains={name}>
            {explain[name]}
          </li>
        ))}
      </ul>
      <div class="agreement-export">
        <button type="button" class="button button-small" onClick={() => void review.exportAgreement('html')}>
          Export agreement report (HTML)
        </button>
        <button type="button" class="button button-small" onClick={() => void review.exportAgreement('json')}>
          JSON
        </button>
      </div>
    </div>
  );
}
