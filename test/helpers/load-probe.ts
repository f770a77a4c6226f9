/**
 * Runs in a worker thread (test/bundle.test.ts): one command line through the bundle's main(), in
 * a module registry of its own, and reports what that loaded: the Node built-in modules (from
 * process.moduleLoadList, which each thread keeps for itself) and the script files V8 compiled
 * (through the inspector's Debugger.scriptParsed). Nothing else is imported here, so little is
 * loaded before the count starts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Session } from 'node:inspector';

export interface ProbeInput {
  /** file: URL of the bundle's entry. */
  entry: string;
  argv: string[];
  env: Record<string, string>;
}

export interface ProbeResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Built-in modules loaded by the run, public and internal (`crypto`, `internal/crypto/hash`). */
  builtins: string[];
  /** file: URLs of the scripts compiled during the run. */
  scripts: string[];
}

const { entry, argv, env } = workerData as ProbeInput;
const scripts: string[] = [];
const session = new Session();
session.connect();
session.on('Debugger.scriptParsed', ({ params }) => {
  if (params.url.startsWith('file:')) scripts.push(params.url);
});
session.post('Debugger.enable');

/** Node's own record of the built-ins this thread has loaded (not in @types/node). */
const loaded = (): string[] => (process as unknown as { moduleLoadList: string[] }).moduleLoadList;
const before = new Set(loaded());
let stdout = '';
let stderr = '';
const sink = (append: (text: string) => void) => ({
  isTTY: false,
  write(chunk: string, callback?: (error?: Error | null) => void): boolean {
    append(chunk);
    callback?.();
    return true;
  },
});
const { main } = (await import(entry)) as typeof import('../../src/cli/main.js');
const code = await main(argv, {
  env,
  stdout: sink((text) => (stdout += text)),
  stderr: sink((text) => (stderr += text)),
  signal: new AbortController().signal,
});
const builtins = loaded()
  .filter((entry) => !before.has(entry) && entry.startsWith('NativeModule '))
  .map((entry) => entry.slice('NativeModule '.length));
session.disconnect();
parentPort!.postMessage({ code, stdout, stderr, builtins, scripts } satisfies ProbeResult);
