import { z } from 'zod';
import { Annotation } from '../model/annotation.ts';
import { Entity } from '../model/entity.ts';
import { Id } from '../model/ids.ts';

/** One change in an `annotations.apply` batch. Updates replace the whole record, so every op has an exact inverse. */
export const AnnotationOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('annotation.add'), annotation: Annotation }),
  z.object({ op: z.literal('annotation.update'), annotation: Annotation }),
  z.object({ op: z.literal('annotation.remove'), id: Id }),
  z.object({ op: z.literal('entity.add'), entity: Entity }),
  z.object({ op: z.literal('entity.update'), entity: Entity }),
  z.object({ op: z.literal('entity.remove'), id: Id }),
]);
export type AnnotationOp = z.infer<typeof AnnotationOp>;

/** The most ops one batch may carry ("tag all mentions" of a long report stays well below it). */
export const MAX_OPS_PER_BATCH = 50_000;
