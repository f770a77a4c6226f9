// The shipped CLI is the bundle in dist/bundle (scripts/bundle.js). Its start-up paths read a few
// files and no heavy library they do not use: checked on the bundler's own record of which source
// went into which file (dist/bundle-meta.json), so these tests count files, never time. That the
// binary runs the bundle, on this Node and on Node 24, is test/e2e-bundle.test.ts.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './helpers/paths.js';

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
/** Commander and everything the commands run (scripts/bundle.js groups it). */
const CLI = 'clb-group:cli';
/** zod's builders for the request's schemas (built in the CLI's own file). */
const ZOD = 'clb-group:zod';
/** The reply schemas, which share zod's code with the request's. */
const REPLIES = 'clb-group:replies';

describe('the bundle layout', () => {
  test('--version reads the entry alone, with no library', () => {
    const files = filesOf(MAIN);
    assert.deepEqual(packagesIn(files), []);
    assert.ok(files.size <= 8, `${files.size} files: ${[...files].join(', ')}`);
  });

  test('--help adds commander and the CLI itself, no other library', () => {
    const files = filesOf(MAIN, CLI);
    assert.deepEqual(packagesIn(files), ['commander']);
    const sources = [...files].flatMap((file) => Object.keys(meta.outputs[file]!.inputs));
    assert.ok(sources.includes('src/model/fields.ts') && sources.includes('src/cli/commands/create/run.ts'));
    assert.ok(!sources.some((source) => source.startsWith('src/emulator/')), 'the emulator is loaded only by its command');
    assert.ok(files.size <= 10, `${files.size} files: ${[...files].join(', ')}`);
  });

  test('validation and dry runs add zod for the request schemas: its code, and the small file that loads it', () => {
    const help = filesOf(MAIN, CLI);
    const validation = new Set([...help, ...filesOf(ZOD)]);
    assert.deepEqual(packagesIn(validation), ['commander', 'zod']);
    assert.equal(validation.size, help.size + 2, `${[...validation].filter((file) => !help.has(file)).join(', ')}`);
    // The schemas are built from the field table in the CLI's own file; the reply schemas stay out.
    const sources = [...validation].flatMap((file) => Object.keys(meta.outputs[file]!.inputs)).filter((input) => input.startsWith('src/'));
    assert.ok(sources.includes('src/model/schema.ts') && sources.includes('src/model/zod.ts'));
    assert.ok(!sources.includes('src/api/replies.ts'), 'the reply schemas load only when a reply is checked');
  });

  test('a create adds the HTTP client when it sends and the reply schemas when it checks a reply; ora, chalk, yaml, JMESPath and the prompts stay lazy', () => {
    const files = [MAIN, CLI, ZOD, 'scripts/undici-slim.js', REPLIES].flatMap((entry) => [...filesOf(entry)]);
    const create = new Set(files);
    assert.deepEqual(packagesIn(create), ['commander', 'undici', 'zod']);
    assert.ok(create.size <= 12, `${create.size} files for a create`);
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
