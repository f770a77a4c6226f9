#!/usr/bin/env node
// Shebang shim for the bundled CLI (dist/bundle, built by scripts/bundle.js). It sets up the
// process, then runs the bundle's entry. CommonJS (bin/package.json), like the bundle: Node then
// starts without its ES module loader.
const { enableCompileCache } = require('node:module');
const { join } = require('node:path');

const argv = process.argv.slice(2);
// Compiled code is kept between runs: by Node itself from 22.1 on, elsewhere by ./code-cache.js
// (but for --version alone, which compiles next to nothing: setting the cache up would cost more).
if (enableCompileCache) enableCompileCache();
else if (!(argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V'))) {
  require('./code-cache.js').install({ root: join(__dirname, '../dist/bundle') });
}

require('../dist/bundle/main.js')
  .main(argv)
  .then((code) => {
    process.exitCode = code;
  });
