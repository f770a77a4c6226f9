#!/usr/bin/env node
// Bundles the shipped CLI (part of `npm run build`, so of `npm test` and `prepack`) into
// dist/bundle/: a small entry and a few lazily loaded chunks, so a run reads a handful of files
// instead of a module graph of ~180. bin/clb-listener.js runs it. dist/bundle-meta.json (not
// shipped) records which source went into which file; test/bundle.test.ts reads it to keep heavy
// libraries off the start-up paths. docs/design.md ("Start-up") explains the layout.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist/bundle');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * The sources load their own modules lazily wherever that spares a path some work. In a bundle
 * that would mean one entry per lazy import, and esbuild splits the code those entries share into
 * a chunk for every combination of entries: dozens of small files per run, and each file costs a
 * lookup, a read and a link. So the bundle groups them: every lazily imported module of src/ joins
 * one group, and each group is one entry. The groups follow the paths a run takes, each loading
 * only what the one before it left out:
 *
 * - `cli`: commander, the program, and every command's options and help but create's field
 *   flags. `--help`, `<command> --help` and a usage error need nothing else.
 * - `request`: create's field flags, with the rule tables whose help texts they show (added when
 *   create runs: src/cli/deferred-options.ts), building and validating a create's request (the
 *   model's checks, the settings that decide validation, reading --from-file), printing results
 *   and errors. `create --help` and a validation error stop here; zod comes with the type checks,
 *   in a group of its own.
 * - `client`: the credentials chain and the signed client, which a dry run needs to show the
 *   request it would send.
 * - `send`: the rest of what talks to the API: the sending side of create, the waiter and
 *   reconciliation, wait/list/delete/whoami.
 * - `apply`, `interactive` (prompts and picking from the account), `configure`, `completion` and
 *   the emulator: each only for the commands that use it.
 * - `zod` (the builders of the request's schemas) and `replies` (the reply schemas) share zod's
 *   code through a chunk of its own, so a validation does not load the reply schemas.
 *
 * A group that is always loaded after another imports it (LOADED_AFTER), and `cli` imports the
 * entry's own module: the code two groups both reach is then reached from the same entries and
 * stays in one chunk, instead of being split by esbuild into a chunk per combination of groups.
 * So each group is its small entry file plus one chunk, and the entry is a stub of main's chunk.
 * Third-party libraries are not grouped: each stays a chunk of its own, loaded by the module that
 * imports it when it is first needed (undici, zod, ora, chalk, yaml, JMESPath, the prompts).
 * Measured on dist/bundle-meta.json when the groups came in (files of the bundle, and their
 * bytes), against one `cli` group for all of src/: --version 3 files instead of 4; --help 5 files
 * and 171 KB instead of 6 and 374 KB (123 KB since create's field flags moved to `request`); a
 * validation error 9 and 252 KB instead of 8 and 409 KB; a dry run 11 and 293 KB instead of 8
 * and 409 KB; a create 15 and 733 KB instead of 10 and 812 KB.
 */
const GROUPS = [
  ['src/cli/program.ts', 'cli'],
  ['src/cli/options.ts', 'request'],
  ['src/cli/commands/create/run.ts', 'request'],
  ['src/ui/render-error.ts', 'request'],
  ['src/ui/output.ts', 'request'],
  ['src/cli/dry-run.ts', 'client'],
  ['src/cli/session.ts', 'client'],
  ['src/config/chain.ts', 'client'],
  ['src/cli/commands/apply/', 'apply'],
  ['src/model/json-schema.ts', 'apply'],
  ['src/ui/interactive/', 'interactive'],
  ['src/ui/terminal.ts', 'interactive'],
  ['src/cli/commands/configure/run.ts', 'configure'],
  ['src/cli/completion/', 'completion'],
  ['src/emulator/index.ts', 'emulator'],
  ['src/model/zod.ts', 'zod'],
  ['src/api/replies.ts', 'replies'],
];
const ENTRY = 'src/cli/main.ts';
/** Any other lazily imported module of src/. */
const DEFAULT_GROUP = 'send';
/** group → the group every run that loads it has loaded before. */
const LOADED_AFTER = {
  request: 'cli',
  client: 'request',
  send: 'client',
  apply: 'send',
  interactive: 'send',
  configure: 'send',
  completion: 'cli',
  emulator: 'send',
};
const groupOf = (file) => GROUPS.find(([prefix]) => relative(root, file).startsWith(prefix))?.[1] ?? DEFAULT_GROUP;

/** `import('./x.js')` in TypeScript source, not `typeof import(…)` in a type. */
const LAZY_IMPORT = /(?<!typeof\s*)\bimport\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const lazyTarget = (file, specifier) => resolve(dirname(file), specifier).replace(/\.js$/, '.ts');

function lazyGroups() {
  /** group → module path → export name in the group's module */
  const groups = new Map();
  for (const file of sourceFiles(join(root, 'src'))) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(LAZY_IMPORT)) {
      const target = lazyTarget(file, specifier);
      const members = groups.get(groupOf(target)) ?? new Map();
      if (!members.has(target)) members.set(target, `m${members.size}`);
      groups.set(groupOf(target), members);
    }
  }
  return groups;
}

const groupedLazyImports = {
  name: 'grouped-lazy-imports',
  setup(build) {
    const groups = lazyGroups();
    build.onLoad({ filter: /\/src\/.*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace(LAZY_IMPORT, (_match, specifier) => {
        const target = lazyTarget(args.path, specifier);
        const group = groupOf(target);
        return `import('clb-group:${group}').then((group) => group.${groups.get(group).get(target)})`;
      });
      return { contents, loader: 'ts' };
    });
    build.onResolve({ filter: /^clb-group:/ }, (args) => ({ path: args.path.slice('clb-group:'.length), namespace: 'clb-group' }));
    build.onLoad({ filter: /.*/, namespace: 'clb-group' }, (args) => ({
      contents: [
        ...(LOADED_AFTER[args.path] ? [`import 'clb-group:${LOADED_AFTER[args.path]}';`] : []),
        ...(args.path === 'cli' ? [`import ${JSON.stringify(join(root, ENTRY))};`] : []),
        ...[...groups.get(args.path)].map(([path, name]) => `export * as ${name} from ${JSON.stringify(path)};`),
      ].join('\n'),
      resolveDir: root,
      loader: 'js',
    }));
  },
};

/**
 * `undici` → scripts/undici-slim.js: its dispatchers without fetch, WebSocket, caches and mocks.
 * And without HTTP/2: undici's client loads its HTTP/2 side up front, which loads node:http2 and
 * with it node:tls and Node's HTTP server (32 of the 94 built-in modules, internal ones included,
 * that undici brought in), for connections that only an `allowH2: true` dispatcher negotiates.
 * The CLI never sets it, so that side is a stub (scripts/undici-no-h2.js) that refuses if reached.
 */
const slimUndici = {
  name: 'slim-undici',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, () => ({ path: join(root, 'scripts/undici-slim.js') }));
    build.onResolve({ filter: /^\.\/client-h2\.js$/ }, (args) =>
      args.importer.includes('/node_modules/undici/lib/dispatcher/') ? { path: join(root, 'scripts/undici-no-h2.js') } : undefined,
    );
  },
};

/**
 * commander requires node:child_process when it loads, for executable subcommands (`git-style`
 * separate programs), which this CLI does not have. Loading child_process brings net and dgram
 * with it: 4 % of a `node -e 0` on every run. commander gets it on first use instead.
 */
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "let loaded;\nmodule.exports = new Proxy({}, { get: (_target, key) => (loaded ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: ENTRY },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  // The version is fixed at build time: the bundle does not read package.json at start-up.
  define: { CLB_LISTENER_VERSION: JSON.stringify(version) },
  plugins: [groupedLazyImports, slimUndici, lazyChildProcessForCommander],
  // Less to read and parse; names stay readable (no identifier mangling).
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'eof',
  logLevel: 'warning',
  metafile: true,
});

/**
 * The files ship as CommonJS (dist/bundle/package.json says so, and bin/package.json for the
 * shim). esbuild splits code only into ES modules, so each file is turned into CommonJS after the
 * build, its `import()`s into `require()`s. Node loads CommonJS without its ES module loader: on
 * Node 20 that loader's start, and linking each file, cost 4–11 ms of CPU time a run (4 for
 * --version, 6 for --help, 11 for a create).
 * The layout does not change: the same files, loaded at the same moments (test/bundle.test.ts).
 */
for (const file of Object.keys(result.metafile.outputs).filter((name) => name.endsWith('.js'))) {
  const text = readFileSync(join(root, file), 'utf8');
  const { code, warnings } = await transform(text, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    supported: { 'dynamic-import': false },
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'eof',
    logLevel: 'silent',
  });
  // e.g. `import.meta`, which CommonJS does not have: esbuild would leave it empty.
  if (warnings.length > 0) throw new Error(`${file} as CommonJS: ${warnings.map((warning) => warning.text).join('; ')}`);
  writeFileSync(join(root, file), code);
}
writeFileSync(join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
writeFileSync(join(root, 'dist/bundle-meta.json'), JSON.stringify(result.metafile));

// The bundle carries other packages' code, so it carries their licence texts too.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match) packages.add(match[1]);
}
const notices = [...packages].sort().map((name) => {
  const dir = join(root, 'node_modules', name);
  const { version: packageVersion, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((entry) => /^(licen[cs]e|copying)/i.test(entry));
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `(${license}; no licence file in the package)`;
  return `${name} ${packageVersion} (${license})\n\n${text}\n`;
});
writeFileSync(
  join(outdir, 'THIRD-PARTY-LICENSES.txt'),
  `Packages bundled into clb-listener:\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`,
);
