import { z } from 'zod';

export const Settings = z.object({
  annotatorName: z.string().trim().min(1, 'the annotator name cannot be empty').max(200),
  /** Set once the annotator has confirmed their name (the app asks on first run until then). */
  profileSet: z.boolean().optional(),
  /** Propose suggestions when an article with no annotations yet is opened (a fresh import), without being asked. */
  suggestOnImport: z.boolean().optional(),
  /** Import web pages from loopback, private and link-local addresses (an intranet); off unless turned on. */
  allowPrivateNetwork: z.boolean().optional(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { annotatorName: 'Analyst' };
