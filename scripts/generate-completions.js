#!/usr/bin/env node
// Rewrites completions/ from the built program (run `npm run completions`, which builds first).
// The completion test fails when the committed files differ from what this writes.
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildProgram } from '../dist/src/cli/program.js';
import { addAllDeferredOptions } from '../dist/src/cli/deferred-options.js';
import { defaultContext } from '../dist/src/core/context.js';
import { completionScript, COMPLETION_FILES, SHELLS } from '../dist/src/cli/completion/index.js';

const dir = fileURLToPath(new URL('../completions/', import.meta.url));
mkdirSync(dir, { recursive: true });
const program = buildProgram(defaultContext(new AbortController().signal));
await addAllDeferredOptions(program);
for (const shell of SHELLS) {
  const file = `${dir}${COMPLETION_FILES[shell]}`;
  writeFileSync(file, completionScript(program, shell));
  console.log(`wrote completions/${COMPLETION_FILES[shell]}`);
}
