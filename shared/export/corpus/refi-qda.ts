import JSZip from 'jszip';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Annotation } from '../../model/annotation.ts';
import type { Entity } from '../../model/entity.ts';
import type { Tagset } from '../../model/tagset.ts';
import { CodePointIndex } from '../../text/code-points.ts';
import { compareAnnotations } from '../report-model.ts';
import { stableGuid } from '../stable-ids.ts';
import { xmlSafe } from '../xml-safe.ts';
import { assertNotEmpty, type CorpusSelection } from './corpus-selection.ts';
import { buildCodebook, type QdaCode } from './refi-qda-codebook.ts';

/** The namespace of REFI-QDA's `project.qde` (QDA-XML 1.0, `schemas/refi-qda/Project-mrt2019.xsd`). */
export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** A `.qdpx` before it is zipped: `project.qde` and the text of each source, by its path in the archive. */
export interface RefiQdaProject {
  projectXml: string;
  sources: { path: string; text: string }[];
}

/** A selection's name in the tools' lists: its text on one line, at most 100 characters. */
function selectionName(exact: string): string {
  const line = exact.replace(/\s+/gu, ' ').trim();
  const chars = [...line];
  return chars.length > 100 ? `${chars.slice(0, 99).join('')}…` : line;
}

function guid(...parts: string[]): string {
  return stableGuid(`scholia/refi-qda/${parts.join('/')}`);
}

/** What a selection's description says beyond its codes: who, evidence, cue, tags. */
function describe(annotation: Annotation, entities: ReadonlyMap<string, Entity>, tagset: Tagset): string {
  const name = (id: string | undefined) => (id ? entities.get(id)?.name : undefined);
  const lines: string[] = [];
  switch (annotation.kind) {
    case 'claim': {
      lines.push(`Verdict: ${tagset.verdicts.find((v) => v.id === annotation.status)?.label ?? annotation.status}`);
      const claimant = name(annotation.claimantId);
      if (claimant) lines.push(`Claimant: ${claimant}`);
      for (const item of annotation.evidence ?? [])
        lines.push(`Evidence: ${item.url}${item.title ? ` (${item.title})` : ''}${item.note ? ` — ${item.note}` : ''}`);
      break;
    }
    case 'quote': {
      const speaker = name(annotation.speakerId);
      if (speaker) lines.push(`Speaker: ${speaker}`);
      if (annotation.cue) lines.push(`Cue: ${annotation.cue.exact}`);
      break;
    }
    case 'entity': {
      const entity = entities.get(annotation.entityId);
      if (entity) lines.push(`Entity: ${entity.name}${entity.wikidata ? ` (${entity.wikidata})` : ''}`);
      break;
    }
    case 'note':
      break;
  }
  if (annotation.tags?.length) lines.push(`Tags: ${annotation.tags.join(', ')}`);
  return lines.join('\n');
}

function addCode(parent: XMLBuilder, code: QdaCode): void {
  const element = parent.ele('Code', {
    guid: code.guid,
    name: xmlSafe(code.name),
    isCodable: String(code.codable),
    ...(code.colour ? { color: code.colour } : {}),
  });
  if (code.description) element.ele('Description').txt(xmlSafe(code.description));
  for (const child of code.children) addCode(element, child);
}

const VARIABLES = [
  { key: 'source', name: 'Source', type: 'Text' },
  { key: 'published', name: 'Published', type: 'Date' },
  { key: 'url', name: 'URL', type: 'Text' },
  { key: 'document-id', name: 'Scholia document id', type: 'Text' },
] as const;

/**
 * The selection as a REFI-QDA project (QDA-XML 1.0): `Users` (the annotators and the exporter),
 * the `CodeBook` of `buildCodebook`, `Variables` for each article's source, date, URL and id, one
 * `TextSource` per article whose text is `Sources/<guid>.txt` (`plainTextPath` `internal://<guid>.txt`),
 * and per annotation a `PlainTextSelection` with a `Coding` for each of its codes, its facts as
 * `Description` and its note as a project `Note` it refers to by `NoteRef`. Positions count Unicode
 * code points from 0, the end exclusive, as QualCoder and Python slice text. GUIDs derive from the
 * record each one names, so exporting the same selection twice gives the same project.
 */
export function buildRefiQdaProject(selection: CorpusSelection): RefiQdaProject {
  assertNotEmpty(selection);
  const { tagset } = selection;
  const codebook = buildCodebook(selection);
  const users = new Map<string, string>();
  const userGuid = (name: string): string => {
    const key = name.trim() || 'Unknown';
    const found = users.get(key);
    if (found) return found;
    const made = guid('user', key);
    users.set(key, made);
    return made;
  };
  const exporter = userGuid(selection.annotator);

  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(QDA_NAMESPACE, 'Project', {
    name: 'Scholia corpus',
    origin: 'Scholia',
    creatingUserGUID: exporter,
    creationDateTime: selection.exportedAt,
  });
  const usersElement = root.ele('Users');
  const codesElement = root.ele('CodeBook').ele('Codes');
  for (const code of codebook.codes) addCode(codesElement, code);
  const variables = root.ele('Variables');
  for (const variable of VARIABLES)
    variables.ele('Variable', { guid: guid('variable', variable.key), name: variable.name, typeOfVariable: variable.type });
  const sourcesElement = root.ele('Sources');
  const notes: { guid: string; name: string; text: string; user: string; created: string }[] = [];
  const sources: RefiQdaProject['sources'] = [];

  for (const { document, annotations } of selection.documents) {
    const sourceGuid = guid('source', document.id, document.fingerprint);
    const entities = new Map(document.entities.map((entity) => [entity.id, entity]));
    const index = new CodePointIndex(document.text);
    sources.push({ path: `Sources/${sourceGuid}.txt`, text: document.text });
    const source = sourcesElement.ele('TextSource', {
      guid: sourceGuid,
      name: xmlSafe(document.meta.title),
      plainTextPath: `internal://${sourceGuid}.txt`,
      creationDateTime: document.imported,
      modifiedDateTime: document.modified,
    });
    const about = [document.meta.source, document.meta.published, document.meta.url].filter(Boolean).join(' · ');
    if (about) source.ele('Description').txt(xmlSafe(about));
    for (const annotation of [...annotations].sort(compareAnnotations)) {
      const selectionGuid = guid('selection', document.id, annotation.id);
      const user = userGuid(annotation.author);
      const element = source.ele('PlainTextSelection', {
        guid: selectionGuid,
        name: xmlSafe(selectionName(annotation.target.exact)),
        startPosition: String(index.toCodePoint(annotation.target.start)),
        endPosition: String(index.toCodePoint(annotation.target.end)),
        creatingUser: user,
        creationDateTime: annotation.created,
        modifyingUser: user,
        modifiedDateTime: annotation.modified,
      });
      const description = describe(annotation, entities, tagset);
      if (description) element.ele('Description').txt(xmlSafe(description));
      for (const code of codebook.codesOf(annotation, entities)) {
        element
          .ele('Coding', { guid: guid('coding', selectionGuid, code.guid), creatingUser: user, creationDateTime: annotation.created })
          .ele('CodeRef', { targetGUID: code.guid });
      }
      if (annotation.note?.trim()) {
        const noteGuid = guid('note', selectionGuid);
        notes.push({
          guid: noteGuid,
          name: `Note on “${selectionName(annotation.target.exact)}”`,
          text: annotation.note,
          user,
          created: annotation.modified,
        });
        element.ele('NoteRef', { targetGUID: noteGuid });
      }
    }
    const values: [string, string, string | undefined][] = [
      ['source', 'TextValue', document.meta.source],
      ['published', 'DateValue', document.meta.published],
      ['url', 'TextValue', document.meta.url],
      ['document-id', 'TextValue', document.id],
    ];
    for (const [key, kind, value] of values) {
      if (value === undefined) continue;
      const element = source.ele('VariableValue');
      element.ele('VariableRef', { targetGUID: guid('variable', key) });
      element.ele(kind).txt(xmlSafe(value));
    }
  }

  for (const [name, userId] of users) usersElement.ele('User', { guid: userId, name: xmlSafe(name) });
  if (notes.length > 0) {
    const notesElement = root.ele('Notes');
    for (const note of notes) {
      notesElement
        .ele('Note', { guid: note.guid, name: xmlSafe(note.name), creatingUser: note.user, creationDateTime: note.created })
        .ele('PlainTextContent')
        .txt(xmlSafe(note.text));
    }
  }
  return { projectXml: root.end({ prettyPrint: true }), sources };
}

/** The selection as a `.qdpx` archive: `project.qde` and `Sources/<guid>.txt` (UTF-8), deflated. */
export async function exportQdpx(selection: CorpusSelection): Promise<Uint8Array> {
  const project = buildRefiQdaProject(selection);
  const zip = new JSZip();
  const date = new Date(selection.exportedAt);
  zip.file('project.qde', project.projectXml, { date, createFolders: false });
  for (const source of project.sources) zip.file(source.path, source.text, { date, createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
