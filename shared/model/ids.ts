import { z } from 'zod';

/** Ids become file names and DOM attributes, so they are kept to a safe alphabet. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const Id = z.string().regex(ID_PATTERN, 'must be 1–64 letters, digits, "_" or "-", starting with a letter or digit');

export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}

export const IsoDateTime = z.iso.datetime({ offset: true });

/** A calendar date, `YYYY-MM-DD`, as articles carry it. */
export const IsoDate = z.iso.date();
