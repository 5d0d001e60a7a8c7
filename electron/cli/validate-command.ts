import { checkTagFile } from '../../shared/model/tag-file-check.ts';
import { MAX_TAG_FILE_BYTES } from '../../shared/model/tag-file.ts';
import { readJsonFileInput } from '../services/json-file-input.ts';
import { UsageError } from './usage-error.ts';

/**
 * `scholia validate TAGFILE`: checks a tag file against v1 and against itself (text, targets,
 * references). Prints each problem as `JSON-PATH: message` and exits 1, or says it is valid.
 */
export async function validateCommand(positionals: string[]): Promise<void> {
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('validate needs exactly one TAGFILE');
  let json: unknown;
  try {
    json = await readJsonFileInput(file, MAX_TAG_FILE_BYTES);
  } catch (error) {
    console.log(`$: ${file} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    return;
  }
  const check = checkTagFile(json);
  if (check.ok) {
    const { file: tagFile } = check;
    console.log(
      `${file}: a valid Scholia tag file v1 (${tagFile.entities.length} entities, ${tagFile.annotations.length} annotations${tagFile.document.text === undefined ? '' : ', text embedded'}).`,
    );
    return;
  }
  for (const problem of check.problems) console.log(`${problem.path}: ${problem.message}`);
  console.error(
    `scholia: ${file} is not a valid tag file (${check.problems.length} ${check.problems.length === 1 ? 'problem' : 'problems'}).`,
  );
  process.exitCode = 1;
}
