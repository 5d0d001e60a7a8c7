import type { AnnotationKind } from '../model/annotation.ts';
import type { AnnotatorItems } from './agreement-items.ts';

/** One stretch of text annotators marked as the same kind, and who marked it. */
export interface MajoritySpan {
  kind: AnnotationKind;
  /** The span most of them gave it (the earliest of equally common ones). */
  start: number;
  end: number;
  /** Every annotator with an item of this kind on the stretch. */
  annotators: string[];
  /** Those who marked exactly `start`–`end`. */
  exactly: string[];
}

export interface MajorityView {
  annotators: number;
  spans: MajoritySpan[];
  /** How many stretches were marked by each number of annotators: `{ 3: 40, 2: 12, 1: 9 }`. */
  byCount: Record<number, number>;
}

/** "2 of 3 annotators marked this (1 with these boundaries)". */
export function describeMajoritySpan(span: MajoritySpan, annotators: number): string {
  const same =
    span.exactly.length === span.annotators.length ? 'all with these boundaries' : `${span.exactly.length} with these boundaries`;
  return `${span.annotators.length} of ${annotators} annotators marked this (${same})`;
}

/**
 * Groups every annotator's items of one kind into stretches of overlapping items and says who
 * marked each (names in the order given): the view of three or more annotators where a majority
 * agrees.
 */
export function majorityView(annotators: readonly AnnotatorItems[]): MajorityView {
  const spans: MajoritySpan[] = [];
  const order = new Map(annotators.map((a, index) => [a.name, index]));
  const inOrder = (names: Iterable<string>) => [...new Set(names)].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
  const kinds = new Set(annotators.flatMap((a) => a.items.map((item) => item.kind)));
  for (const kind of kinds) {
    const items = annotators
      .flatMap((a) => a.items.filter((item) => item.kind === kind).map((item) => ({ ...item, annotator: a.name })))
      .sort((x, y) => x.start - y.start || y.end - x.end);
    let group: typeof items = [];
    let groupEnd = -1;
    const close = () => {
      if (group.length === 0) return;
      const bySpan = new Map<string, { start: number; end: number; who: Set<string> }>();
      for (const item of group) {
        const key = `${item.start}:${item.end}`;
        const entry = bySpan.get(key) ?? { start: item.start, end: item.end, who: new Set<string>() };
        entry.who.add(item.annotator);
        bySpan.set(key, entry);
      }
      const common = [...bySpan.values()].sort((x, y) => y.who.size - x.who.size || x.start - y.start || x.end - y.end)[0];
      if (common)
        spans.push({
          kind,
          start: common.start,
          end: common.end,
          annotators: inOrder(group.map((i) => i.annotator)),
          exactly: inOrder(common.who),
        });
      group = [];
    };
    for (const item of items) {
      if (item.start >= groupEnd) {
        close();
        groupEnd = item.end;
      } else groupEnd = Math.max(groupEnd, item.end);
      group.push(item);
    }
    close();
  }
  spans.sort((x, y) => x.start - y.start || x.end - y.end || x.kind.localeCompare(y.kind));
  const byCount: Record<number, number> = {};
  for (const span of spans) byCount[span.annotators.length] = (byCount[span.annotators.length] ?? 0) + 1;
  return { annotators: annotators.length, spans, byCount };
}
