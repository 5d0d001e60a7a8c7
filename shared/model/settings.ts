import { z } from 'zod';

export const Settings = z.object({
  annotatorName: z.string().trim().min(1, 'the annotator name cannot be empty').max(200),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { annotatorName: 'Analyst' };
