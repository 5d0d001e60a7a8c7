import { TARGET_CONTEXT, type Target } from '../model/target.ts';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export class TargetRangeError extends RangeError {}

/** Whether `offset` falls between the two halves of a surrogate pair: no span may start or end there. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** Whether `start`–`end` is a span of `text` a target may cover: integers, in range, not empty, not reversed, not inside a surrogate pair. */
export function isValidSpan(text: string, start: number, end: number): boolean {
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end <= text.length &&
    end > start &&
    !splitsSurrogatePair(text, start) &&
    !splitsSurrogatePair(text, end)
  );
}

/**
 * The target for `text.slice(start, end)` with up to `context` code units of prefix and suffix.
 * Throws `TargetRangeError` for a span `isValidSpan` refuses. Context never splits a surrogate pair
 * either, so a target is valid Unicode wherever the text is.
 */
export function makeTarget(text: string, start: number, end: number, context = TARGET_CONTEXT): Target {
  if (!isValidSpan(text, start, end)) {
    const why =
      Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && end > start
        ? 'splits a surrogate pair'
        : `is not inside a text of length ${text.length}`;
    throw new TargetRangeError(`span ${start}–${end} ${why}`);
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

/** Whether a target's offsets are a valid span of this text (`isValidSpan`) that holds its own quote. */
export function targetMatchesText(text: string, target: Target): boolean {
  return isValidSpan(text, target.start, target.end) && text.slice(target.start, target.end) === target.exact;
}
