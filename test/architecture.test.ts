/**
 * The layers point one way: shared pieces at the bottom, commands at the top. Each folder of src/
 * may import only from the folders listed for it, and no module may reach itself again through
 * its imports (type-only imports included), so every piece can be loaded and tested on its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from './helpers/paths.js';

const SRC = join(REPO_ROOT, 'src');

/** Folder → the folders it may import from (itself always allowed). */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  model: ['core'],
  api: ['core', 'model'],
  config: ['core', 'model', 'api'],
  // The emulator checks requests by its own reading of the API, never through the CLI's model.
  emulator: ['core', 'api'],
  ui: ['core', 'model', 'api', 'config'],
  cli: ['core', 'model', 'api', 'config', 'ui', 'emulator'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs.map((spec) => resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
}

const layerOf = (file: string): string => relative(SRC, file).split('/')[0]!;
const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

test('every import points down the layers (core ← model ← api ← config ← ui ← cli; emulator on core and api)', () => {
  const wrong: string[] = [];
  for (const [file, targets] of graph) {
    const from = layerOf(file);
    const allowed = ALLOWED[from];
    assert.ok(allowed, `src/${from} is not a known layer: add it to ALLOWED`);
    for (const target of targets) {
      const to = layerOf(target);
      if (to !== from && !allowed.includes(to)) wrong.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('every relative import names a file that exists', () => {
  const missing = [...graph].flatMap(([file, targets]) => targets.filter((t) => !graph.has(t)).map((t) => `${relative(SRC, file)} → ${t}`));
  assert.deepEqual(missing, []);
});

test('no import cycle, type-only imports included', () => {
  const cycles: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'visiting');
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === 'visiting') {
        cycles.push([...stack.slice(stack.indexOf(target)), target].map((f) => relative(SRC, f)).join(' → '));
      } else if (!state.has(target) && graph.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  assert.deepEqual(cycles, []);
});
