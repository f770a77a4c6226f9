#!/usr/bin/env node
// Shebang shim: all logic lives in the compiled sources.
import { main } from '../dist/src/cli/main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
