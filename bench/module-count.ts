/**
 * Preloaded by the benchmark (`node --import …/module-count.js`) in a pass of its own, never in
 * the timed runs: appends the path or URL of every module file the process loads to the file
 * named by CLB_BENCH_MODULES: ES modules through a module-loading hook, CommonJS files (the
 * bundle is CommonJS) from require's cache when the process exits.
 */
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./module-count-hooks.js', import.meta.url);
const require = createRequire(import.meta.url);
process.on('exit', () => {
  const out = process.env.CLB_BENCH_MODULES;
  const files = Object.keys(require.cache).filter((name) => name.startsWith('/') && name !== require.resolve('./module-count.js'));
  if (out && files.length > 0) appendFileSync(out, `${files.map((name) => pathToFileURL(name).href).join('\n')}\n`);
});
