// The shipped CLI is the bundle in dist/bundle (scripts/bundle.js). Its start-up paths read a few
// files and no heavy library they do not use: checked on the bundler's own record of which source
// went into which file (dist/bundle-meta.json), and by running those paths in a worker thread
// (its own module registry and built-ins), so these tests count modules, never time. That the
// binary runs the bundle, on this Node and on Node 24, is test/e2e-bundle.test.ts.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compileFunction } from 'node:vm';
import { REPO_ROOT } from './helpers/paths.js';
import { makeTempHome } from './helpers/home.js';
import type { ProbeInput, ProbeResult } from './helpers/load-probe.js';

interface Output {
  entryPoint?: string;
  imports: { path: string; kind: string; external?: boolean }[];
  inputs: Record<string, { bytesInOutput: number }>;
}
const meta = JSON.parse(readFileSync(join(REPO_ROOT, 'dist/bundle-meta.json'), 'utf8')) as { outputs: Record<string, Output> };

function outputFor(entryPoint: string): string {
  const found = Object.entries(meta.outputs).find(([, output]) => output.entryPoint === entryPoint);
  assert.ok(found, `no bundle file for ${entryPoint}`);
  return found[0];
}

/** The files a file needs before it runs: itself and its static imports, transitively. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const dependency of meta.outputs[file]!.imports) {
    if (dependency.kind === 'import-statement' && !dependency.external) staticClosure(dependency.path, seen);
  }
  return seen;
}

/** Files read by a path that loads these entries in turn. */
function filesOf(...entryPoints: string[]): Set<string> {
  const files = new Set<string>();
  for (const entry of entryPoints) for (const file of staticClosure(outputFor(entry))) files.add(file);
  return files;
}

/** The npm packages whose code those files hold. */
function packagesIn(files: Set<string>): string[] {
  const packages = new Set<string>();
  for (const file of files) {
    for (const input of Object.keys(meta.outputs[file]!.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match) packages.add(match[1]!);
    }
  }
  return [...packages].sort();
}

const MAIN = 'src/cli/main.ts';
/** Commander, the program, every command's options and help (scripts/bundle.js groups it). */
const CLI = 'clb-group:cli';
/** Building and validating a create's request; printing results and errors. */
const REQUEST = 'clb-group:request';
/** The credentials chain and the signed client: what a dry run adds. */
const CLIENT = 'clb-group:client';
/** Sending, waiting, reconciling. */
const SEND = 'clb-group:send';
/** zod's builders for the request's schemas (built in the CLI's own file). */
const ZOD = 'clb-group:zod';
/** The reply schemas, which share zod's code with the request's. */
const REPLIES = 'clb-group:replies';

/** The sources in these files. */
function sourcesIn(files: Set<string>): string[] {
  return [...files].flatMap((file) => Object.keys(meta.outputs[file]!.inputs)).filter((input) => input.startsWith('src/'));
}

/** The code that runs a command, which help and a validation error must not load. */
const RUNNING = [
  'src/api/client.ts',
  'src/api/signer.ts',
  'src/api/waiter.ts',
  'src/config/chain.ts',
  'src/cli/session.ts',
  'src/cli/reconcile.ts',
  'src/cli/dry-run.ts',
  'src/cli/commands/create/send.ts',
  'src/cli/commands/apply/run.ts',
  'src/ui/interactive/flow.ts',
];

describe('the bundle layout', () => {
  test('--version reads the entry alone, with no library', () => {
    const files = filesOf(MAIN);
    assert.deepEqual(packagesIn(files), []);
    assert.ok(files.size <= 3, `${files.size} files: ${[...files].join(', ')}`);
  });

  test("--help adds commander and the commands' options, not create's field flags and not the code that runs them", () => {
    const files = filesOf(MAIN, CLI);
    assert.deepEqual(packagesIn(files), ['commander']);
    const sources = sourcesIn(files);
    assert.ok(sources.includes('src/model/fields.ts') && sources.includes('src/cli/commands/create/command.ts'));
    // Of the emulator, only the list of what it serves (a few names, for `emulator --help`) comes along.
    assert.deepEqual(
      sources.filter(
        (source) =>
          RUNNING.includes(source) ||
          (source.startsWith('src/emulator/') && source !== 'src/emulator/catalog.ts') ||
          source === 'src/cli/commands/create/run.ts',
      ),
      [],
    );
    // create's field flags and the rule tables behind their help come only when create runs.
    assert.deepEqual(
      sources.filter((source) => ['src/cli/options.ts', 'src/model/flags.ts', 'src/model/rules.ts'].includes(source)),
      [],
    );
    assert.ok(files.size <= 5, `${files.size} files: ${[...files].join(', ')}`);
  });

  test("a validation adds the request's checks and zod for its schemas, still not the code that sends", () => {
    const help = filesOf(MAIN, CLI);
    const validation = filesOf(MAIN, CLI, REQUEST, ZOD);
    assert.deepEqual(packagesIn(validation), ['commander', 'zod']);
    // Each group is its entry and one chunk; zod's entry shares zod's code with the replies.
    assert.ok(validation.size <= help.size + 4, `${[...validation].filter((file) => !help.has(file)).join(', ')}`);
    const sources = sourcesIn(validation);
    assert.ok(sources.includes('src/model/schema.ts') && sources.includes('src/model/zod.ts') && sources.includes('src/model/validate.ts'));
    assert.deepEqual(
      sources.filter((source) => RUNNING.includes(source) || source === 'src/api/replies.ts'),
      [],
    );
  });

  test('a dry run adds the client and the credentials chain, not undici and not the sending side', () => {
    const dryRun = filesOf(MAIN, CLI, REQUEST, ZOD, CLIENT);
    assert.deepEqual(packagesIn(dryRun), ['commander', 'zod']);
    const sources = sourcesIn(dryRun);
    assert.ok(sources.includes('src/cli/dry-run.ts') && sources.includes('src/api/client.ts'));
    assert.deepEqual(
      sources.filter((source) => ['src/cli/commands/create/send.ts', 'src/api/waiter.ts', 'src/cli/reconcile.ts'].includes(source)),
      [],
    );
    assert.ok(dryRun.size <= 11, `${dryRun.size} files for a dry run`);
  });

  test('a create adds the HTTP client when it sends and the reply schemas when it checks a reply; ora, chalk, yaml, JMESPath and the prompts stay lazy', () => {
    const create = filesOf(MAIN, CLI, REQUEST, ZOD, CLIENT, SEND, 'scripts/undici-slim.js', REPLIES);
    assert.deepEqual(packagesIn(create), ['commander', 'undici', 'zod']);
    assert.ok(create.size <= 15, `${create.size} files for a create`);
  });

  test('every file is CommonJS, loaded with require(): no ES module statement and no import() of another file', () => {
    const files = Object.keys(meta.outputs).filter((file) => file.endsWith('.js'));
    assert.ok(files.length > 10, files.join(', '));
    for (const file of files) {
      const text = readFileSync(join(REPO_ROOT, file), 'utf8');
      // A CommonJS module compiles as the body of a function; `import …`/`export …` do not.
      assert.doesNotThrow(() => compileFunction(text, ['exports', 'require', 'module', '__filename', '__dirname']), file);
      assert.doesNotMatch(text, /\bimport\(\s*["'`]\.{1,2}\//, file);
    }
    assert.equal((JSON.parse(readFileSync(join(REPO_ROOT, 'dist/bundle/package.json'), 'utf8')) as { type?: string }).type, 'commonjs');
  });

  test('each group is its small entry and one chunk: code shared by groups is not split per combination', () => {
    const chunks = Object.keys(meta.outputs).filter((file) => file.endsWith('.js'));
    const shared = chunks.filter((file) => /\/chunk-[^/]+\.js$/.test(file) && sourcesIn(new Set([file])).length > 0);
    assert.ok(shared.length <= 8, `${shared.length} shared chunks of our code: ${shared.join(', ')}`);
  });

  test('zod is its tree-shaken form, English messages only, one copy for requests and replies', () => {
    const files = new Set([...filesOf(ZOD), ...filesOf(REPLIES)]);
    const zod = [...files].flatMap((file) =>
      Object.entries(meta.outputs[file]!.inputs).filter(([input, { bytesInOutput }]) => input.includes('/zod/') && bytesInOutput > 0),
    );
    const bytes = zod.reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
    assert.ok(bytes < 60_000, `${bytes} bytes of zod`);
    const inputs = zod.map(([input]) => input);
    assert.equal(new Set(inputs).size, inputs.length, 'no zod module is in two files');
    assert.ok(!inputs.some((input) => input.includes('/v4/classic/')), 'the classic API is not bundled');
    const locales = inputs.filter((input) => input.includes('/locales/'));
    assert.deepEqual(
      locales.map((input) => input.replace(/.*\/locales\//, '')),
      ['en.js'],
    );
  });

  test('undici comes without its HTTP/2 client (and node:http2), which only an allowH2 dispatcher reaches; no source sets it', () => {
    const undici = filesOf('scripts/undici-slim.js');
    const inputs = [...undici].flatMap((file) => Object.keys(meta.outputs[file]!.inputs));
    assert.ok(inputs.includes('scripts/undici-no-h2.js') && inputs.some((input) => input.endsWith('undici/lib/dispatcher/client-h1.js')));
    assert.deepEqual(
      inputs.filter((input) => input.endsWith('/client-h2.js')),
      [],
    );
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
      );
    assert.deepEqual(
      walk(join(REPO_ROOT, 'src')).filter((file) => /\ballowH2\b/.test(readFileSync(file, 'utf8'))),
      [],
    );
  });

  test('every name the sources take from undici is one the slim entry exports', async () => {
    const slim = (await import(join(REPO_ROOT, 'scripts/undici-slim.js'))) as Record<string, unknown>;
    const used = new Set<string>();
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
      );
    for (const file of walk(join(REPO_ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      if (!/import\('undici'\)|from 'undici'/.test(text)) continue;
      // `undici.Agent`, and `{ Agent, ProxyAgent } = await import('undici')` / `import { … } from 'undici'` (types aside).
      for (const [, name] of text.matchAll(/\bundici\.(\w+)/g)) used.add(name!);
      for (const [, names] of text.matchAll(/(?:const|let)\s*\{([^}]+)\}\s*=\s*await import\('undici'\)/g)) {
        for (const name of names!.split(',')) used.add(name.split(':')[0]!.trim());
      }
      for (const [, names] of text.matchAll(/import\s*\{([^}]+)\}\s*from 'undici'/g)) {
        for (const name of names!.split(',')) if (!/^\s*type\s/.test(name)) used.add(name.trim().split(/\s/)[0]!);
      }
      assert.ok(used.size > 0, `${relative(REPO_ROOT, file)} uses undici in a way this test does not read`);
    }
    const missing = [...used].filter((name) => name && slim[name] === undefined);
    assert.deepEqual(missing, [], 'add them to scripts/undici-slim.js');
  });
});

/** Runs one command line of the bundle in a worker thread and reports what it loaded. */
function probe(argv: string[], env: Record<string, string>): Promise<ProbeResult> {
  const workerData: ProbeInput = { entry: pathToFileURL(join(REPO_ROOT, 'dist/bundle/main.js')).href, argv, env };
  const worker = new Worker(join(REPO_ROOT, 'dist/test/helpers/load-probe.js'), { workerData });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the probe exited (${code}) before reporting`)));
  });
}

/** The bundle files among the compiled scripts, as dist/bundle-meta.json names them. */
function bundleFiles(result: ProbeResult): Set<string> {
  const prefix = pathToFileURL(REPO_ROOT).href;
  return new Set(result.scripts.filter((url) => url.startsWith(`${prefix}dist/bundle/`)).map((url) => url.slice(prefix.length)));
}

/** Built-ins that are not internal parts of Node (`crypto`, not `internal/crypto/hash`). */
const publicBuiltins = (result: ProbeResult): string[] => result.builtins.filter((name) => !name.startsWith('internal/')).sort();

/**
 * The public built-ins these paths may add: node:module (each bundle file makes itself a
 * `require` with it, and the shebang shim in bin/ loads it first anyway) and node:process (commander
 * requires it; it is the process object itself). Not seen here, because a worker thread has them
 * from its start: node:stream, node:util, node:events, node:fs, node:path, node:worker_threads.
 */
const ALLOWED_BUILTINS = ['module', 'process'];

/**
 * The public built-ins this Node loads by itself along with `fs.promises`, which these paths use
 * to read the profile: none on Node 20; node:os on Node 24 (its fs/promises loads readline, which
 * loads os). They are the runtime's, not a choice of this tool, so they are not counted.
 */
function loadedWithFsPromises(): Promise<string[]> {
  const code = [
    "const { parentPort } = require('node:worker_threads');",
    'const before = new Set(process.moduleLoadList);',
    "require('node:fs').promises;",
    "const added = process.moduleLoadList.filter((entry) => !before.has(entry) && entry.startsWith('NativeModule '));",
    "parentPort.postMessage(added.map((entry) => entry.slice('NativeModule '.length)).filter((name) => !name.startsWith('internal/')));",
  ].join('\n');
  const worker = new Worker(code, { eval: true });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('what the start-up paths load, run in a worker thread', () => {
  const home = makeTempHome();
  const env = home.env({
    TENCENTCLOUD_SECRET_ID: 'AKIDprobe0000000000000000000',
    TENCENTCLOUD_SECRET_KEY: 'probe-secret-key-000000000000',
    TENCENTCLOUD_REGION: 'ap-guangzhou',
  });
  const create = ['create', '--lb', 'lb-12345678', '--protocol', 'TCP'];
  const paths: { name: string; argv: string[]; code: number; packages: string[] }[] = [
    { name: '--version', argv: ['--version'], code: 0, packages: [] },
    // `create --help` reads the same files (the layout tests above).
    { name: '--help', argv: ['--help'], code: 0, packages: ['commander'] },
    // The request's type checks are zod schemas: a validation loads zod, and only that library.
    { name: 'a validation error', argv: [...create, '--port', '0'], code: 2, packages: ['commander', 'zod'] },
  ];

  for (const path of paths) {
    test(`${path.name}: no network, TLS, crypto, terminal or OS module, no library it does not use, no code that runs a command`, async () => {
      const result = await probe(path.argv, env);
      assert.equal(result.code, path.code, result.stderr);
      const runtime = await loadedWithFsPromises();
      assert.deepEqual(
        publicBuiltins(result).filter((name) => !ALLOWED_BUILTINS.includes(name) && !runtime.includes(name)),
        [],
      );
      const files = bundleFiles(result);
      assert.ok(files.size > 0 && [...files].every((file) => meta.outputs[file]), [...files].join(', '));
      assert.deepEqual(packagesIn(files), path.packages);
      assert.deepEqual(
        sourcesIn(files).filter((source) => RUNNING.includes(source)),
        [],
      );
    });
  }

  test('the probe sees what a path loads: a dry run signs (node:crypto) and loads the client', async () => {
    const result = await probe([...create, '--port', '80', '--dry-run'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /"Action": "CreateListener"/);
    assert.ok(publicBuiltins(result).includes('crypto'), publicBuiltins(result).join(', '));
    const sources = sourcesIn(bundleFiles(result));
    assert.ok(sources.includes('src/api/client.ts') && sources.includes('src/cli/dry-run.ts'));
    assert.deepEqual(packagesIn(bundleFiles(result)), ['commander', 'zod'], 'a dry run sends nothing: no undici');
    home.cleanup();
  });
});
