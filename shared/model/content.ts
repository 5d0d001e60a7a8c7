import { z } from 'zod';

/** Marks of the reader schema: emphasis and links. */
export type ReaderMark = { type: 'em' } | { type: 'strong' } | { type: 'link'; attrs: { href: string; title?: string | null } };

/** A node of the reader schema in ProseMirror's JSON form. */
export type ReaderNode =
  | { type: 'doc'; content: ReaderNode[] }
  | { type: 'paragraph'; content?: ReaderNode[] }
  | { type: 'heading'; attrs: { level: number }; content?: ReaderNode[] }
  | { type: 'caption'; content?: ReaderNode[] }
  | { type: 'blockquote'; content: ReaderNode[] }
  | { type: 'bullet_list'; content: ReaderNode[] }
  | { type: 'ordered_list'; attrs?: { order: number }; content: ReaderNode[] }
  | { type: 'list_item'; content: ReaderNode[] }
  | { type: 'text'; text: string; marks?: ReaderMark[] };

export type ReaderDocNode = Extract<ReaderNode, { type: 'doc' }>;

/**
 * Block types whose text forms one block of the canonical text. A `caption` is the caption of a
 * figure (a photo, a chart) the article showed: text of the page, but not of the article's body.
 */
export const TEXTBLOCK_TYPES = ['paragraph', 'heading', 'caption'] as const;

const ReaderMarkSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('em') }),
  z.object({ type: z.literal('strong') }),
  z.object({
    type: z.literal('link'),
    attrs: z.object({ href: z.string().max(4000), title: z.string().max(1000).nullish() }),
  }),
]);

const children = () => z.array(ReaderNodeSchema).max(1_000_000);

export const ReaderNodeSchema: z.ZodType<ReaderNode> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('doc'), content: children() }),
    z.object({ type: z.literal('paragraph'), content: children().optional() }),
    z.object({ type: z.literal('heading'), attrs: z.object({ level: z.int().min(1).max(6) }), content: children().optional() }),
    z.object({ type: z.literal('caption'), content: children().optional() }),
    z.object({ type: z.literal('blockquote'), content: children() }),
    z.object({ type: z.literal('bullet_list'), content: children() }),
    z.object({ type: z.literal('ordered_list'), attrs: z.object({ order: z.int().min(0) }).optional(), content: children() }),
    z.object({ type: z.literal('list_item'), content: children() }),
    z.object({ type: z.literal('text'), text: z.string().min(1), marks: z.array(ReaderMarkSchema).max(10).optional() }),
  ]),
);

export const ReaderDoc = ReaderNodeSchema.refine((node) => node.type === 'doc', { message: 'content must be a doc node' });
