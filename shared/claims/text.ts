// Surface clean-up before tokenising a claim: social-media debris, accents, quotes (docs/CLAIMS.md, "Normalisation").

const URL = /\b(?:https?:\/\/|www\.)\S+|\bpic\.twitter\.com\/\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|co|ly|gov|uk|io)\/\S*/giu;
const HASHTAG_OR_HANDLE = /[#@]([\p{L}\p{N}_]+)/gu;

/** Splits `AustralianFires`, `realDonaldTrump`, `COVID19Vaccine` and `snake_case` into words. */
export function splitCamelCase(word: string): string {
  return word
    .replace(/_/g, ' ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, (match, digit: string, letter: string) =>
      // keep number suffixes the number parser reads (3bn, 1k, 5m, 10th)
      /[kmbt]/i.test(letter) ? match : `${digit} ${letter}`,
    );
}

/** Drops URLs, turns hashtags and @handles into their words. */
export function cleanSocial(text: string): string {
  return text.replace(URL, ' ').replace(HASHTAG_OR_HANDLE, (_match, name: string) => ` ${splitCamelCase(name)} `);
}

/** Lower case, accents off (é → e), typographic quotes and dashes to ASCII. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033«»]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase();
}
