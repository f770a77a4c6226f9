// Compiled code kept between runs, for the Node versions without Node's own compile cache
// (module.enableCompileCache(), Node 22.1 and later, which bin/clb-listener.js uses where it
// exists). Most of a short run's CPU time is V8 compiling the bundle's code; V8 can save what it
// compiled (a "code cache") and take it back on the next run instead of compiling again.
//
// The bundle's files are CommonJS: this wraps Node's compile step for them (and only them). A
// file whose cache is there, made from the same source by the same Node, runs from it; any other
// is compiled as usual, and its cache is written when the process exits. Whatever goes wrong
// (no cache folder, a file that cannot be written, a cache V8 refuses) ends in the usual compile,
// silently: the cache can make a run faster, never different.
//
// The cache folder is per user, under the temporary folder (as Node's own cache is), or under
// NODE_COMPILE_CACHE when that is set; NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it turns
// Node's own off. A folder that another user could write to is not used: a code cache is code.
const Module = require('node:module');
const { Script } = require('node:vm');
const fs = require('node:fs');
const path = require('node:path');
const { crc32 } = require('node:zlib');
const { cachedDataVersionTag } = require('node:v8');

/** The folder for this user and this Node, or undefined when it is not safe to use. */
function cacheFolder(base) {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const folder = path.join(base, `clb-listener-code-cache${uid === undefined ? '' : `-${uid}`}`);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stat = fs.lstatSync(folder);
  // A real folder of ours that nobody else may write to.
  if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o022) !== 0) return undefined;
  const versioned = path.join(folder, `node${process.version}-${process.arch}`);
  fs.mkdirSync(versioned, { recursive: true, mode: 0o700 });
  return versioned;
}

/**
 * Installs the cache for the CommonJS files under `root`. Returns what it did, for tests:
 * `hits` (files run from their cache), `compiled` (files compiled from source), `written`.
 */
function install({ root, base = process.env.NODE_COMPILE_CACHE || require('node:os').tmpdir() }) {
  const stats = { hits: 0, compiled: 0, written: 0 };
  if (process.env.NODE_DISABLE_COMPILE_CACHE === '1') return stats;
  let folder;
  try {
    folder = cacheFolder(base);
  } catch {
    folder = undefined;
  }
  if (!folder) return stats;
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  /** Scripts compiled from source in this run, whose caches are written at exit. */
  const toWrite = [];
  const compile = Module.prototype._compile;

  Module.prototype._compile = function compileWithCache(content, filename) {
    if (typeof content !== 'string' || !filename.startsWith(prefix)) return compile.call(this, content, filename);
    // Same name, same source (a checksum of it: V8 itself checks only the length), same Node.
    const file = path.join(folder, `${path.basename(filename)}-${(crc32(content) >>> 0).toString(16)}.cache`);
    let cachedData;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    let script;
    try {
      script = new Script(Module.wrap(content), { filename, cachedData });
    } catch (error) {
      // A syntax error is reported by Node's own compile, as it would be without a cache.
      if (error instanceof SyntaxError) return compile.call(this, content, filename);
      throw error;
    }
    let entry;
    if (cachedData && !script.cachedDataRejected) stats.hits++;
    else {
      stats.compiled++;
      entry = { script, file, tag: cachedDataVersionTag(), early: undefined };
      toWrite.push(entry);
    }
    const require = (id) => this.require(id);
    require.resolve = (request, options) => Module._resolveFilename(request, this, false, options);
    require.main = process.mainModule;
    require.cache = Module._cache;
    const wrapper = script.runInThisContext({ displayErrors: true });
    const result = wrapper.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
    // V8 stamps a cache with the flags in force when it is made, and refuses it under others. The
    // client changes a WebAssembly flag once undici is loaded (src/api/client.ts), after which a
    // cache made at exit would fit no later run of this file: so keep one made now, as well.
    if (entry) entry.early = script.createCachedData();
    return result;
  };

  process.once('exit', () => {
    const tag = cachedDataVersionTag();
    for (const { script, file, tag: compiledUnder, early } of toWrite) {
      try {
        // Made at exit, the cache holds every function this run compiled, not only the top level;
        // unless V8's flags changed since the file was compiled (see above).
        const data = tag === compiledUnder ? script.createCachedData() : early;
        if (!data) continue;
        const temporary = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, data, { mode: 0o600 });
        fs.renameSync(temporary, file);
        stats.written++;
      } catch {
        // Not written: the next run compiles this file again.
      }
    }
  });
  return stats;
}

module.exports = { install };
