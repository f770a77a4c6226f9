#!/usr/bin/env node
// Rewrites completions/ and the man page (man/clb-listener.1) from the built program (run `npm run completions`, which builds first).
// The completion test fails when the committed files differ from what this writes.
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildProgram } from '../dist/src/cli/program.js';
import { addAllDeferredOptions } from '../dist/src/cli/deferred-options.js';
import { defaultContext } from '../dist/src/core/context.js';
import { completionScript, COMPLETION_FILES, SHELLS } from '../dist/src/cli/completion/index.js';
import { MAN_FILE, manPage } from '../dist/src/cli/completion/man.js';
import { VERSION } from '../dist/src/core/version.js';

const dir = fileURLToPath(new URL('../completions/', import.meta.url));
mkdirSync(dir, { recursive: true });
const program = buildProgram(defaultContext(new AbortController().signal));
await addAllDeferredOptions(program);
for (const shell of SHELLS) {
  const file = `${dir}${COMPLETION_FILES[shell]}`;
  writeFileSync(file, completionScript(program, shell));
  console.log(`wrote completions/${COMPLETION_FILES[shell]}`);
}
const man = fileURLToPath(new URL(`../${MAN_FILE}`, import.meta.url));
mkdirSync(fileURLToPath(new URL('../man/', import.meta.url)), { recursive: true });
writeFileSync(man, manPage(program, VERSION));
console.log(`wrote ${MAN_FILE}`);
