#!/usr/bin/env node
// Rewrites the README's validation-rules table from the rule table (build first:
// `npx tsc -p tsconfig.json && node scripts/generate-rules-doc.js`). A test fails when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withRulesDoc } from '../dist/src/model/rule-docs.js';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
writeFileSync(readme, withRulesDoc(readFileSync(readme, 'utf8')));
console.log('wrote the rules table in README.md');
