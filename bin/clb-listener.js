#!/usr/bin/env node
// Shebang shim for the bundled CLI (dist/bundle, built by scripts/bundle.js). It sets up the
// process, then runs the bundle's entry. CommonJS (bin/package.json), like the bundle: Node then
// starts without its ES module loader.
const { enableCompileCache } = require('node:module');

// Node 22.1 and later cache compiled code on disk between runs; elsewhere this is a no-op.
enableCompileCache?.();

require('../dist/bundle/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
