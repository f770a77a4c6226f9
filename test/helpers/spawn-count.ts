/**
 * The end-to-end budget: only test/e2e*.test.ts may start the shipped binary (commands are tested
 * in-process), and each such process is counted and reported when the file's run ends.
 */
import { basename } from 'node:path';

const E2E_FILE = /^e2e[\w-]*\.test\.js$/;
let spawned = 0;

process.once('exit', () => {
  if (spawned > 0) process.stderr.write(`# ${basename(process.argv[1] ?? '')}: spawned bin/clb-listener.js ${spawned} times\n`);
});

/** Call before starting the binary: throws outside an end-to-end file, else counts the spawn. */
export function countSpawn(): void {
  const file = basename(process.argv[1] ?? '');
  if (!E2E_FILE.test(file)) {
    throw new Error(`${file} spawns the binary: test commands in-process (runCli/runAgainst); spawning is for test/e2e*.test.ts`);
  }
  spawned++;
}
