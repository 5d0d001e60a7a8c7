/** Abbreviations whose full stop does not end a sentence: titles and ranks before a name, "Inc.", "U.S.", months. */
const ABBREVIATIONS =
  /(?<!\p{L})(?:Mr|Mrs|Ms|Mx|Dr|Prof|Rep|Reps|Sen|Sens|Gov|Del|Lt|Gen|Col|Maj|Capt|Cpt|Sgt|Adm|Rev|Hon|Pres|Supt|St|Jr|Sr|Inc|Corp|Co|Ltd|No|Mt|Ft|Jan|Feb|Aug|Sept|Oct|Nov|Dec|vs|U\.S|U\.K|U\.N|D\.C|[A-Z])\.(?=\s|[\p{L},)])/gu;

/** A character of the same length as a full stop that no sentence or phrase boundary pattern treats as one. */
const MASK = '\u2024';

/**
 * The text with the full stops of abbreviations and initials ("Mr. Obama", "G.K. Butterfield",
 * "Rep. Mica", "(D-Wis.)") masked, for finding sentence and phrase boundaries. Same length: offsets still index the text.
 */
export function maskAbbreviations(text: string): string {
  // A full stop right before a closing bracket ends an abbreviation too: "Rep. Gwen Moore (D-Wis.) said".
  // So does a party and state after a name: "Mitch McConnell, R-Ky., said".
  return text
    .replace(ABBREVIATIONS, (match) => `${match.slice(0, -1)}${MASK}`)
    .replace(/\.(?=\))/gu, MASK)
    .replace(/(?<=\b[RDI]-\p{Lu}[\p{L}.]{0,5})\.(?=[\s,)])/gu, MASK);
}
