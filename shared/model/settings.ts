import { z } from 'zod';

/** A web address setting: an http(s) URL, or empty for none (so the settings dialog can clear it). */
const WebAddress = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) web address' })
  .max(2000)
  .or(z.literal(''));

export const Settings = z.object({
  annotatorName: z.string().trim().min(1, 'the annotator name cannot be empty').max(200),
  /** Set once the annotator has confirmed their name (the app asks on first run until then). */
  profileSet: z.boolean().optional(),
  /** Propose suggestions when an article with no annotations yet is opened (a fresh import), without being asked. */
  suggestOnImport: z.boolean().optional(),
  /** Import web pages from loopback, private and link-local addresses (an intranet); off unless turned on. */
  allowPrivateNetwork: z.boolean().optional(),
  /**
   * Where the fact-checks are published: each article's page is this address followed by the
   * article's id, unless the article has its own (`meta.factCheckUrl`). ClaimReview's `url`.
   */
  factCheckUrlBase: WebAddress.optional(),
  /** The organisation that publishes the fact-checks: ClaimReview's `author` and `publisher`. */
  publisherName: z.string().trim().max(200).optional(),
  publisherUrl: WebAddress.optional(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { annotatorName: 'Analyst' };
