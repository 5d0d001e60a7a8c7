import { z } from 'zod';
import {
  CorpusQuery,
  CorpusResult,
  EntityProfile,
  LibraryEntitySummary,
  MergeProposal,
  RegistryChange,
  SavedSearch,
} from '../corpus/corpus-query.ts';
import { Entity } from '../model/entity.ts';
import { Id } from '../model/ids.ts';

/** The corpus exports: data files of many articles, and the corpus report. */
export const CORPUS_EXPORT_FORMATS = ['csv', 'w3c', 'tags-zip', 'qdpx', 'html', 'pdf', 'md', 'docx'] as const;
export const CorpusExportFormat = z.enum(CORPUS_EXPORT_FORMATS);
export type CorpusExportFormat = z.infer<typeof CorpusExportFormat>;

const AnnotationRef = z.strictObject({ documentId: Id, annotationId: Id });

/** The library as a corpus (issue 17): search across every article, the entity registry, corpus exports. */
export const corpusChannels = {
  /** Every annotation of the library that passes the query, grouped by article, with facet counts. */
  'corpus.search': {
    input: z.strictObject({
      query: CorpusQuery,
      /** How many articles' groups to answer (all counts cover every match). */
      limit: z.int().min(1).max(1000).optional(),
      offset: z.int().nonnegative().optional(),
    }),
    output: CorpusResult,
  },
  /** The saved searches by name; `problems` says what is wrong with any malformed entry (or file), which is left as it is on disk. */
  'corpus.savedList': {
    input: z.strictObject({}),
    output: z.object({ searches: z.array(SavedSearch), problems: z.array(z.string()) }),
  },
  /** Saves a search under a name; a name already used is replaced. */
  'corpus.save': { input: z.strictObject({ name: SavedSearch.shape.name, query: CorpusQuery }), output: SavedSearch },
  'corpus.deleteSaved': { input: z.strictObject({ id: Id }), output: z.object({ deleted: z.boolean() }) },
  /** The corpus, or the result of a query, as one file (base64, as `export.render` answers). */
  'corpus.export': {
    input: z.strictObject({ format: CorpusExportFormat, query: CorpusQuery.optional() }),
    output: z.object({ filename: z.string().min(1), mimeType: z.string().min(1), base64: z.base64() }),
  },
  /** The library's entities (those whose name, alias or Wikidata id holds the filter), most used first. */
  'entities.list': {
    input: z.strictObject({ filter: z.string().max(500).optional(), limit: z.int().min(1).max(10_000).optional() }),
    output: z.object({ entities: z.array(LibraryEntitySummary), total: z.int().nonnegative() }),
  },
  'entities.profile': { input: z.strictObject({ entityId: Id }), output: EntityProfile },
  /** Changes a registry entity's name, type, aliases, Wikidata id or description, in every article that holds it. */
  'entities.update': { input: z.strictObject({ entity: Entity }), output: z.object({ entity: Entity, change: RegistryChange }) },
  /** Pairs of entities that look like one (same Wikidata id, same name or alias), for the analyst to confirm. */
  'entities.proposals': { input: z.strictObject({}), output: z.object({ proposals: z.array(MergeProposal) }) },
  /** Merges entities into one across every article: mentions, quotes and claims move to `keepId`, names become aliases. */
  'entities.merge': {
    input: z.strictObject({ keepId: Id, mergeIds: z.array(Id).min(1).max(100) }),
    output: z.object({ entity: Entity, change: RegistryChange }),
  },
  /** Moves the given mentions, quotes and claims of an entity to a new entity. */
  'entities.split': {
    input: z.strictObject({
      entityId: Id,
      annotations: z.array(AnnotationRef).min(1).max(100_000),
      name: Entity.shape.name,
      type: Entity.shape.type.optional(),
    }),
    output: z.object({ entity: Entity, change: RegistryChange }),
  },
  /** Dismisses a merge proposal, so it is not proposed again. */
  'entities.dismiss': { input: z.strictObject({ keepId: Id, mergeId: Id }), output: z.object({ dismissed: z.boolean() }) },
  /** Undoes the last registry change (a merge, a split, an edit) in every article it touched, as one step. */
  'entities.undo': { input: z.strictObject({}), output: z.object({ change: RegistryChange.optional() }) },
  'entities.redo': { input: z.strictObject({}), output: z.object({ change: RegistryChange.optional() }) },
} as const;
