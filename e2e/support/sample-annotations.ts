import { expect } from '@playwright/test';
import type { ReaderPage } from './reader-page.ts';

/** Spans of the sample article the tests annotate. */
export const SAMPLE = {
  title: 'European Parliament website hit by cyberattack after Russia terrorism vote',
  published: '2022-11-23',
  claim: 'state sponsor of terrorism',
  speaker: 'Roberta Metsola',
  /**
   * Metsola's first quote: the words inside the quotation marks, without the marks and without the
   * trailing comma, which belongs to the attribution ("…," said …) rather than to what she said.
   */
  quote: 'The (European Parliament) is under a sophisticated cyberattack. A pro-Kremlin group has claimed responsibility',
  organisation: 'European Parliament',
  noteSpan: 'pro-Kremlin group',
  noteText: 'Which group? Killnet claimed the attack on Telegram; check before repeating the attribution.',
} as const;

/** Marks the first "state sponsor of terrorism" as a claim and gives it a verdict. */
export async function markClaimWithVerdict(reader: ReaderPage, verdictLabel = 'True'): Promise<string> {
  const id = await reader.mark(SAMPLE.claim, 'c');
  await expect(reader.highlight(id).first()).toHaveClass(/\bann-claim\b/u);
  await expect(reader.inspector.getByRole('heading', { name: 'Claim' })).toBeVisible();
  await expect(reader.inspector.getByLabel('Annotated text')).toHaveText(SAMPLE.claim);
  await reader.inspector.getByLabel('Verdict').selectOption({ label: verdictLabel });
  await reader.expectSaved();
  return id;
}

/** Tags "Roberta Metsola" as a person, then marks her first quote and names her as its speaker. */
export async function attributeMetsolaQuote(reader: ReaderPage): Promise<{ mentionId: string; quoteId: string }> {
  const mentionId = await reader.mark(SAMPLE.speaker, 'e');
  await expect(reader.inspector.getByLabel('Entity name')).toHaveValue(SAMPLE.speaker);
  await reader.inspector.getByLabel('Entity type').selectOption({ label: 'Person' });
  await expect(reader.highlight(mentionId).first()).toHaveClass(/\bentity-person\b/u);

  const quoteId = await reader.mark(SAMPLE.quote, 'q');
  await expect(reader.inspector.getByRole('heading', { name: 'Quote' })).toBeVisible();
  const speaker = reader.inspector.getByRole('combobox', { name: 'Speaker' });
  await speaker.fill('Roberta');
  await speaker.press('Enter');
  await expect(speaker).toHaveValue(SAMPLE.speaker);
  await reader.expectSaved();
  return { mentionId, quoteId };
}

/** Tags the first "European Parliament" as an organisation. */
export async function tagOrganisation(reader: ReaderPage): Promise<string> {
  const id = await reader.mark(SAMPLE.organisation, 'e');
  await reader.inspector.getByLabel('Entity type').selectOption({ label: 'Organisation' });
  await expect(reader.highlight(id).first()).toHaveClass(/\bentity-organization\b/u);
  await reader.expectSaved();
  return id;
}

/** Adds a note on "pro-Kremlin group" (inside the quote, if that is marked) and writes its text. */
export async function addNote(reader: ReaderPage): Promise<string> {
  const id = await reader.mark(SAMPLE.noteSpan, 'n');
  const field = reader.inspector.getByLabel('Note text');
  await field.fill(SAMPLE.noteText);
  await field.blur();
  await reader.expectSaved();
  await expect(reader.highlight(id).first()).toHaveAttribute('title', /Killnet/u);
  return id;
}
