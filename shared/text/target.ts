import { TARGET_CONTEXT, type Target } from '../model/target.ts';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export class TargetRangeError extends RangeError {}

/**
 * The target for `text.slice(start, end)` with up to `context` code units of prefix and suffix.
 * Context never splits a surrogate pair, so it is always valid Unicode.
 */
export function makeTarget(text: string, start: number, end: number, context = TARGET_CONTEXT): Target {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new TargetRangeError(`span ${start}–${end} is not inside a text of length ${text.length}`);
  }
  let prefixStart = Math.max(0, start - context);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + context);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

/** Whether a target's offsets point at its own quote in this text. */
export function targetMatchesText(text: string, target: Target): boolean {
  return target.end <= text.length && text.slice(target.start, target.end) === target.exact;
}
