import { z } from 'zod';

/** Every format Scholia exports, in the order the CLI and the export dialog list them. */
export const EXPORT_FORMATS = ['html', 'pdf', 'md', 'docx', 'tags', 'w3c', 'csv', 'claimreview', 'brat', 'conll'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** The formats that render the report (the others are data files). */
export const REPORT_FORMATS: readonly ExportFormat[] = ['html', 'pdf', 'md', 'docx'];

/** The report's sections after the header, in the order they appear. */
export const REPORT_SECTIONS = ['summary', 'claims', 'quotes', 'entities', 'notes'] as const;
export const ReportSection = z.enum(REPORT_SECTIONS);
export type ReportSection = z.infer<typeof ReportSection>;

/**
 * What the analyst chooses when exporting. The report options (sections, verdicts, article)
 * shape the HTML, PDF, Markdown and DOCX reports; data formats always carry every annotation.
 */
export const ExportOptions = z.strictObject({
  /** The sections to include; all of them when left out. */
  sections: z.array(ReportSection).max(REPORT_SECTIONS.length).optional(),
  /** Only claims with these verdicts (tagset ids); every claim when left out. */
  verdicts: z.array(z.string().min(1).max(64)).max(100).optional(),
  /** Whether the report holds the article with its highlights (default true). */
  includeArticle: z.boolean().optional(),
  /** Whether a tag file embeds the article text, making it self-contained (default true). */
  embedText: z.boolean().optional(),
  /**
   * Whether CSV cells that start like a spreadsheet formula (`=`, `+`, `-`, `@`, tab, CR) stay as
   * they are, for data tools (default false: they get a leading `'`, so a spreadsheet shows text).
   */
  csvRawFormulas: z.boolean().optional(),
});
export type ExportOptions = z.infer<typeof ExportOptions>;
