/**
 * Preloaded by the benchmark (`node --import …/module-count.js`) in a pass of its own, never in
 * the timed runs: appends the URL of every module file the process loads to the file named by
 * CLB_BENCH_MODULES, through a module-loading hook. Counts ES modules (the bundle is ESM); files
 * that CommonJS code require()s are not seen.
 */
import { register } from 'node:module';

register('./module-count-hooks.js', import.meta.url);
