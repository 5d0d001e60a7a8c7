import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file under a folder with its content, to show that a refused operation changed nothing on disk. */
export async function folderSnapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files[path.relative(dir, file)] = await readFile(file, 'utf8');
    }
  }
  return files;
}
