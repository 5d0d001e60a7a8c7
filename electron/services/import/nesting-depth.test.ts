import { describe, expect, it } from 'vitest';
import { assertNestingDepth, MAX_NESTING_DEPTH, nestsDeeperThan } from './nesting-depth.ts';

const divs = (count: number) => `<!doctype html><html><body>${'<div>'.repeat(count)}text${'</div>'.repeat(count)}</body></html>`;

describe('nesting depth, as a browser would build the tree', () => {
  it('counts html and body: 254 divs inside them reach the limit, 255 pass it', () => {
    expect(MAX_NESTING_DEPTH).toBe(256);
    expect(nestsDeeperThan(divs(254))).toBe(false);
    expect(nestsDeeperThan(divs(255))).toBe(true);
  });

  it("follows HTML's own closing rules: thousands of unclosed paragraphs, list items and cells are siblings, not a nest", () => {
    expect(nestsDeeperThan(`<body>${'<p>paragraph'.repeat(5_000)}`)).toBe(false);
    expect(nestsDeeperThan(`<ul>${'<li>item'.repeat(5_000)}</ul>`)).toBe(false);
    expect(nestsDeeperThan(`<table>${'<tr><td>cell<td>cell'.repeat(5_000)}</table>`)).toBe(false);
  });

  it('sees the nests a browser builds from unclosed formatting, nested tables and templates', () => {
    expect(nestsDeeperThan(`${'<b><i><u><s>'.repeat(100)}<p>text</p>`)).toBe(true);
    expect(nestsDeeperThan(`${'<table><tr><td>'.repeat(100)}text`)).toBe(true);
    expect(nestsDeeperThan(`${'<template>'.repeat(300)}text`)).toBe(true);
  });

  it('measures 3,000,000 nested elements (15 MB) without a stack overflow, in linear time', () => {
    const started = performance.now();
    expect(nestsDeeperThan('<div>'.repeat(3_000_000))).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses with a message naming the source; reads UTF-16 pages by their byte-order mark', () => {
    expect(() => assertNestingDepth(divs(300), 'report.docx')).toThrow(
      'report.docx is nested too deeply to import safely: its elements go more than 256 levels deep.',
    );
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(divs(300), 'utf16le')]);
    expect(() => assertNestingDepth(utf16)).toThrow(/^This page is nested too deeply/u);
    expect(() => assertNestingDepth(new TextEncoder().encode(divs(100)))).not.toThrow();
  });
});
