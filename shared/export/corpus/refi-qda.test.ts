import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusSampleDocuments, corpusSampleSelection } from '../../testing/corpus-sample.ts';
import { buildRefiQdaProject, exportQdpx } from './refi-qda.ts';

const XSD = fileURLToPath(new URL('../../../schemas/refi-qda/Project-mrt2019.xsd', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'scholia-qdpx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `xmllint --noout --schema` on a project file: its exit code and what it printed. */
function xmllint(file: string): { status: number | null; output: string } {
  const result = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * The project read back by Python, as QualCoder (a Python program) reads it: for every
 * `PlainTextSelection`, its source's text file sliced at `startPosition:endPosition` (code points),
 * and the names of the codes its codings refer to.
 */
const READER = `
import json, sys, xml.etree.ElementTree as ET
ns = {'q': 'urn:QDA-XML:project:1.0'}
root = ET.parse(sys.argv[1] + '/project.qde').getroot()
codes = {c.get('guid'): c.get('name') for c in root.iter('{urn:QDA-XML:project:1.0}Code')}
notes = {n.get('guid'): n.find('q:PlainTextContent', ns).text for n in root.iter('{urn:QDA-XML:project:1.0}Note')}
out = []
for source in root.find('q:Sources', ns):
    path = source.get('plainTextPath').replace('internal://', sys.argv[1] + '/Sources/')
    with open(path, encoding='utf-8') as f:
        text = f.read()
    for sel in source.findall('q:PlainTextSelection', ns):
        start, end = int(sel.get('startPosition')), int(sel.get('endPosition'))
        out.append({'source': source.get('name'), 'slice': text[start:end],
                    'codes': [codes[c.find('q:CodeRef', ns).get('targetGUID')] for c in sel.findall('q:Coding', ns)],
                    'notes': [notes[r.get('targetGUID')] for r in sel.findall('q:NoteRef', ns)]})
print(json.dumps(out))
`;

async function unzipTo(bytes: Uint8Array, folder: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]?.dir);
  for (const name of names) {
    const target = path.join(folder, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, await (zip.files[name] as JSZip.JSZipObject).async('uint8array'));
  }
  return names;
}

describe('exportQdpx (REFI-QDA)', () => {
  const documents = corpusSampleDocuments();

  it('is a .qdpx whose project.qde passes the REFI-QDA XSD and whose Sources hold each article’s text', async () => {
    const folder = path.join(dir, 'valid');
    const names = await unzipTo(await exportQdpx(corpusSampleSelection(documents)), folder);
    expect(names).toContain('project.qde');
    expect(names.filter((name) => /^Sources\/[0-9a-f-]{36}\.txt$/u.test(name))).toHaveLength(documents.length);
    const lint = xmllint(path.join(folder, 'project.qde'));
    expect(lint.output).toContain('validates');
    expect(lint.status).toBe(0);

    const project = buildRefiQdaProject(corpusSampleSelection(documents));
    expect(project.sources.map((source) => source.text).sort()).toEqual(documents.map((d) => d.text).sort());
  });

  it('places every selection on its exact text in code points, coded by kind, verdict and entity, with its note', async () => {
    const folder = path.join(dir, 'read');
    await unzipTo(await exportQdpx(corpusSampleSelection(documents)), folder);
    const result = spawnSync('python3', ['-c', READER, folder], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const selections = JSON.parse(result.stdout) as { source: string; slice: string; codes: string[]; notes: string[] }[];
    const expected = documents.flatMap((d) => d.annotations.map((a) => ({ source: d.meta.title, slice: a.target.exact })));
    expect(
      selections
        .map(({ source, slice }) => ({ source, slice }))
        .sort((a, b) => `${a.source}${a.slice}`.localeCompare(`${b.source}${b.slice}`)),
    ).toEqual(expected.sort((a, b) => `${a.source}${a.slice}`.localeCompare(`${b.source}${b.slice}`)));
    // Emoji come after some selections: code points, not UTF-16 units, place them.
    expect(selections.some((s) => s.slice === '🇪🇺')).toBe(true);
    const falseClaim = selections.find((s) => s.slice === '90 % of Europeans back the plan');
    expect(falseClaim?.codes).toEqual(['Claim', 'False', 'Statistic', 'Check-worthy']);
    expect(falseClaim?.notes).toEqual(['No poll says 90 %;\nthe latest has 61 %, "support" as asked.']);
    expect(selections.find((s) => s.slice === 'Kyiv')?.codes).toEqual(['Entity mention', 'Location', 'Kyiv']);
    expect(selections.find((s) => s.slice === '"regrettable" 😞')?.codes).toEqual(['Quote', 'Direct quote']);
  });

  it('gives every record a stable GUID: the same selection exports the same project', () => {
    const once = buildRefiQdaProject(corpusSampleSelection(documents)).projectXml;
    expect(buildRefiQdaProject(corpusSampleSelection(corpusSampleDocuments())).projectXml).toBe(once);
    const guids = [...once.matchAll(/ guid="([^"]+)"/gu)].map((match) => match[1]);
    expect(new Set(guids).size).toBe(guids.length);
  });

  it('fails the XSD when the project is broken: a coding without its code reference', () => {
    const { projectXml } = buildRefiQdaProject(corpusSampleSelection(documents));
    const broken = projectXml.replace(/<CodeRef targetGUID="[^"]+"\/>/u, '');
    expect(broken).not.toBe(projectXml);
    const file = path.join(dir, 'broken.qde');
    writeFileSync(file, broken);
    const lint = xmllint(file);
    expect(lint.status).not.toBe(0);
    expect(lint.output).toMatch(/Coding.*(Missing child element|expected).*CodeRef/su);
  });

  it('refuses a selection with no annotation', async () => {
    const selection = corpusSampleSelection(documents);
    selection.documents = selection.documents.map((entry) => ({ ...entry, annotations: [] }));
    await expect(exportQdpx(selection)).rejects.toThrow(/nothing to export/u);
  });
});
