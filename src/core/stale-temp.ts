/**
 * Temporary files left by a process that was killed between writing and renaming (kill -9, a
 * power cut): `<name>.<pid>[.<random>].tmp` beside the file they were to replace. The next write
 * removes those whose process is gone, so a profile's secrets never linger in a stray copy.
 */

/** Whether a process with this id runs (on this host), whoever owns it. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files of `name` in `dir` left by processes that no longer run; never fails. */
export function removeStaleTempFiles(dir: string, name: string): void {
  const { readdirSync, unlinkSync } = process.getBuiltinModule('node:fs');
  const { join } = process.getBuiltinModule('node:path');
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.endsWith('.tmp')) continue;
    const rest = entry.startsWith(`.${name}.`)
      ? entry.slice(name.length + 2)
      : entry.startsWith(`${name}.`)
        ? entry.slice(name.length + 1)
        : undefined;
    const match = rest === undefined ? null : /^(\d+)(?:\.[0-9a-f]+)?\.tmp$/.exec(rest);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || isAlive(pid)) continue;
    try {
      unlinkSync(join(dir, entry));
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}
