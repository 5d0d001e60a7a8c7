// A writer for the crash test: saves documents in a loop through the real store until it is killed.
// It reports on stdout, one line each, written synchronously (so a line is out before the next step):
//   ready                      the library is open (and its lock taken)
//   intent DOC REVISION HASH   the state it is about to apply, before applying it
//   durable DOC REVISION       a flush that included this revision has resolved: it is on disk
// Usage: node crash-writer.mjs LIBRARY SEED
import { writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import { applyAnnotationOps } from '../../../shared/layer/apply-layer-ops.ts';
import { nextRevision } from '../../../shared/model/revision.ts';
import { openScholia } from '../open-scholia.ts';
import { DocumentFile } from '../store/store-files.ts';
import { seededRandom } from '../../../shared/testing/seeded-random.ts';
import { stateHash } from './crash-state.ts';
import { noteAt, valueOf } from './library-fixtures.ts';

function report(line: string): void {
  writeSync(1, `${line}\n`);
}

async function run(libraryDir: string, seed: number): Promise<void> {
  const next = seededRandom(seed);
  const scholia = await openScholia({ libraryDir, debounceMs: 2, owner: 'crash writer' });
  report('ready');
  const { documents } = scholia.services.documents.list();
  const ids = documents.map((d) => d.id);
  for (let batch = 0; ; batch += 1) {
    const id = ids[Math.floor(next() * ids.length)] as string;
    const { document, tagset } = valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id }));
    const notes = document.annotations.filter((a) => a.kind === 'note');
    const roll = next();
    if (roll < 0.03) {
      // Now and then, restore a previous version: a save of its own. Flushed first, so no save prunes the version meanwhile.
      await scholia.flush();
      const { versions } = valueOf<ChannelOutput<'document.versions'>>(await scholia.dispatch('document.versions', { documentId: id }));
      const version = versions[Math.floor(next() * versions.length)];
      if (version) {
        const file = path.join(libraryDir, 'backups', id, `${version.id}.json`);
        const kept = DocumentFile.parse(JSON.parse(await readFile(file, 'utf8'))).document;
        const restored = nextRevision(
          document,
          { annotations: kept.annotations, entities: kept.entities, reviews: kept.reviews },
          document.modified,
        );
        report(`intent ${id} ${restored.revision} ${stateHash(restored)}`);
        valueOf(await scholia.dispatch('document.restore', { documentId: id, versionId: version.id }));
        continue;
      }
    }
    const ops: AnnotationOp[] = [];
    const size = 1 + Math.floor(next() * 4);
    for (let k = 0; k < size; k += 1) {
      const pick = notes[Math.floor(next() * notes.length)];
      const choice = next();
      if (pick && choice < 0.25 && !ops.some((op) => 'id' in op && op.id === pick.id)) {
        ops.push({ op: 'annotation.remove', id: pick.id });
        notes.splice(notes.indexOf(pick), 1);
      } else if (pick && choice < 0.5 && !ops.some((op) => 'annotation' in op && op.annotation.id === pick.id)) {
        ops.push({ op: 'annotation.update', annotation: { ...pick, note: `edited in batch ${batch} of ${seed}` } });
      } else {
        ops.push({
          op: 'annotation.add',
          annotation: noteAt(document.text, `s${seed}-b${batch}-${k}`, Math.floor(next() * document.text.length), `batch ${batch}`),
        });
      }
    }
    const expected = nextRevision(document, applyAnnotationOps(document.text, tagset, document, ops), document.modified);
    report(`intent ${id} ${expected.revision} ${stateHash(expected)}`);
    valueOf(await scholia.dispatch('annotations.apply', { documentId: id, ops }));
    if (roll > 0.97) valueOf(await scholia.dispatch('settings.set', { annotatorName: `Writer ${seed}-${batch}` }));
    if (batch % 3 === 2) {
      const revisions = await Promise.all(
        ids.map(async (docId) => [docId, (await scholia.services.documents.get(docId)).document.revision] as const),
      );
      await scholia.flush();
      for (const [docId, revision] of revisions) report(`durable ${docId} ${revision}`);
    }
  }
}

const [libraryDir, seed] = process.argv.slice(2);
if (!libraryDir || seed === undefined) {
  console.error('usage: crash-writer LIBRARY SEED');
  process.exit(2);
}
run(libraryDir, Number(seed)).catch((error: unknown) => {
  console.error('crash writer failed:', error);
  process.exit(1);
});
