import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A new temporary folder (its name starts with `prefix`) and a writer of numbered listeners
 * files in it: `file(text)` writes the next one and returns its path.
 */
export function listenerFiles(prefix: string): (text: string) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let n = 0;
  return (text) => {
    const path = join(dir, `listeners-${++n}.yaml`);
    writeFileSync(path, text);
    return path;
  };
}
