import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('detectFormat', () => {
  it('knows PDFs and Word documents by their first bytes, whatever their name', () => {
    expect(detectFormat(bytes('%PDF-1.7\n…'), 'article.txt')).toEqual({ format: 'pdf' });
    expect(detectFormat(Uint8Array.from([0x50, 0x4b, 3, 4, ...bytes('[Content_Types].xml word/document.xml')]), 'download')).toEqual({
      format: 'docx',
    });
  });

  it('knows a page by how it starts, and Markdown and text by name', () => {
    expect(detectFormat(bytes('\uFEFF<!-- saved -->\n<!DOCTYPE html><html>'), 'saved.txt')).toEqual({ format: 'html' });
    expect(detectFormat(bytes('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'), 'page')).toEqual({ format: 'html' });
    expect(detectFormat(bytes('# Heading'), 'notes.md')).toEqual({ format: 'markdown' });
    expect(detectFormat(bytes('Plain words.'), 'notes')).toEqual({ format: 'text' });
  });

  it('refuses a ZIP that is no Word document and files whose content belies their name', () => {
    expect(detectFormat(Uint8Array.from([0x50, 0x4b, 3, 4, ...bytes('photos/a.jpg')]), 'photos.zip')).toEqual({
      refused: 'photos.zip is a ZIP archive, not a Word document.',
    });
    expect(detectFormat(bytes('hello'), 'report.pdf')).toMatchObject({ refused: expect.stringMatching(/report\.pdf is not a PDF/u) });
    expect(detectFormat(bytes('hello'), 'letter.docx')).toMatchObject({
      refused: expect.stringMatching(/letter\.docx is not a Word document/u),
    });
  });
});
