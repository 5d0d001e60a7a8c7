/**
 * A name as registry matching compares it: compatibility-decomposed, accents dropped, lower case,
 * with every character that is not a letter or digit removed ("E.U." and "eu", "Jean-Claude" and
 * "Jean Claude", "Élysée" and "Elysee" compare equal). Empty for a name of punctuation only.
 */
export function entityNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}
