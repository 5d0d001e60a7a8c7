import type { Tagset } from '../../../shared/model/tagset.ts';
import {
  differencesInWords,
  possessive,
  spanParts,
  wordChanges,
  type ShownValue,
  type SpanPart,
} from '../../../shared/review/human-terms.ts';
import type { ReviewItemView, ReviewView } from '../../../shared/review/review-view.ts';
import { excerpt } from './ListParts.tsx';

/** The longest stretch shown whole inside a span comparison; longer ones keep their ends around an ellipsis. */
const LONGEST_SHARED = 160;

function shortened(text: string): string {
  const line = text.replace(/\s+/gu, ' ');
  return line.length > LONGEST_SHARED ? `${line.slice(0, 70)} … ${line.slice(-70)}` : line;
}

/** A codebook value: its colour as a dot beside its label, so colour is never the only sign. */
export function ValueChip({ value }: { value: ShownValue | undefined }) {
  if (!value) return <span class="review-value review-value-none">none</span>;
  return (
    <span class="review-value">
      {value.colour ? <span class="review-value-dot" style={{ background: value.colour }} aria-hidden="true" /> : null}
      {value.label}
    </span>
  );
}

/** Both spans over the article's text: words only in mine struck out, words only in theirs underlined, each labelled for screen readers. */
function SpanComparison({ parts, who }: { parts: SpanPart[]; who: string }) {
  return (
    <p class="review-text review-span-compare">
      “
      {parts.map((part, i) => {
        const text = part.side === 'both' ? shortened(part.text) : part.text.replace(/\s+/gu, ' ');
        switch (part.side) {
          case 'mine':
            return (
              <del key={i} class="review-only-mine">
                <span class="visually-hidden">[only in your span: </span>
                {text}
                <span class="visually-hidden">]</span>
              </del>
            );
          case 'theirs':
            return (
              <ins key={i} class="review-only-theirs">
                <span class="visually-hidden">[only in {possessive(who)} span: </span>
                {text}
                <span class="visually-hidden">]</span>
              </ins>
            );
          case 'neither':
            return (
              <span key={i} class="review-span-gap">
                {excerpt(text, 60)}
              </span>
            );
          default:
            return <span key={i}>{text}</span>;
        }
      })}
      ”
    </p>
  );
}

/** Their quote as their file had it against where it landed on this text, word by word. */
function PlacementChanges({ item }: { item: ReviewItemView }) {
  const changes = wordChanges(item.anchor.original.exact, item.annotation.target.exact);
  return (
    <p class="review-placement-diff">
      <span class="review-placement-label">Their copy read: </span>
      {changes.map((change, i) =>
        change.change === 'removed' ? (
          <del key={i}>
            <span class="visually-hidden">[their copy: </span>
            {change.text}
            <span class="visually-hidden">]</span>
          </del>
        ) : change.change === 'added' ? (
          <ins key={i}>
            <span class="visually-hidden">[this text: </span>
            {change.text}
            <span class="visually-hidden">]</span>
          </ins>
        ) : (
          <span key={i}>{excerpt(change.text, 80)}</span>
        ),
      )}
    </p>
  );
}

/** What their item says, in the codebook's and the registry's words: a claim's verdict, a quote's speaker, a mention's entity. */
function ItemValues({ item, view, tagset }: { item: ReviewItemView; view: ReviewView; tagset: Tagset }) {
  const annotation = item.annotation;
  const name = (id: string | undefined) => (id ? (view.entities.find((e) => e.id === id)?.name ?? id) : undefined);
  if (annotation.kind === 'claim') {
    const verdict = tagset.verdicts.find((v) => v.id === annotation.status);
    const type = annotation.label ? tagset.claimLabels.find((l) => l.id === annotation.label) : undefined;
    return (
      <p class="review-values">
        Verdict <ValueChip value={verdict ? { label: verdict.label, colour: verdict.colour } : { label: annotation.status }} />
        {type ? (
          <>
            {' '}
            · type <ValueChip value={{ label: type.label, colour: type.colour }} />
          </>
        ) : null}
        {annotation.claimantId ? <> · claimed by {name(annotation.claimantId)}</> : null}
      </p>
    );
  }
  if (annotation.kind === 'quote') {
    return <p class="review-values">{annotation.speakerId ? `Said by ${name(annotation.speakerId)}` : 'No speaker given'}</p>;
  }
  if (annotation.kind === 'entity') {
    const entity = view.entities.find((e) => e.id === annotation.entityId);
    const type = entity ? tagset.entityTypes.find((t) => t.id === entity.type) : undefined;
    return (
      <p class="review-values">
        {entity?.name ?? annotation.entityId} {type ? <ValueChip value={{ label: type.label, colour: type.colour }} /> : null}
      </p>
    );
  }
  return annotation.note ? <p class="review-values">Note: {excerpt(annotation.note, 120)}</p> : null;
}

/**
 * One item of theirs in human terms: for a conflict, both spans over the text with the difference
 * marked and each differing value by its label, said in a sentence; otherwise their text and values.
 */
export function ReviewItemBody({ item, view, tagset, text }: { item: ReviewItemView; view: ReviewView; tagset: Tagset; text: string }) {
  const who = view.summary.annotator;
  const theirs = item.annotation.target;
  const mine = item.counterpartSpan;
  const words = differencesInWords(item.differences, { tagset, who, text, ...(mine ? { mine } : {}), theirs });
  const span = words.find((d) => d.field === 'span');
  const values = words.filter((d) => d.field !== 'span');
  const spanDiffers = mine && span;
  return (
    <>
      {spanDiffers && mine ? (
        <SpanComparison parts={spanParts(text, mine, theirs)} who={who} />
      ) : (
        <p class="review-text">“{excerpt(theirs.exact, 120)}”</p>
      )}
      {item.differences.length === 0 ? <ItemValues item={item} view={view} tagset={tagset} /> : null}
      {span ? <p class="review-diff-span">{span.sentence}</p> : null}
      {values.length > 0 ? (
        <table class="review-diff-table" aria-label={`How ${possessive(who)} differs from yours`}>
          <thead>
            <tr>
              <td />
              <th scope="col">You</th>
              <th scope="col">{who}</th>
            </tr>
          </thead>
          <tbody>
            {values.map((difference) => (
              <tr key={difference.field} class="review-diff" data-field={difference.field} title={difference.sentence}>
                <th scope="row">
                  {difference.name}
                  <span class="visually-hidden">: {difference.sentence}</span>
                </th>
                <td>
                  <ValueChip value={difference.mine} />
                </td>
                <td>
                  <ValueChip value={difference.theirs} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {item.anchor.status === 'fuzzy' ? <PlacementChanges item={item} /> : null}
    </>
  );
}
