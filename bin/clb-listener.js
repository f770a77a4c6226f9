#!/usr/bin/env node
// Shebang shim for the bundled CLI (dist/bundle, built by scripts/bundle.js). It sets up the
// process, then runs the bundle's entry.
import module from 'node:module';

// Node 22.1 and later cache compiled code on disk between runs; elsewhere this is a no-op.
module.enableCompileCache?.();

const { main } = await import('../dist/bundle/main.js');
process.exitCode = await main(process.argv.slice(2));
