#!/usr/bin/env node
// Rewrites the validation-rules table of docs/rules.md from the rule table (build first:
// `npx tsc -p tsconfig.json && node scripts/generate-rules-doc.js`). A test fails when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withRulesDoc } from '../dist/src/model/rule-docs.js';

const page = fileURLToPath(new URL('../docs/rules.md', import.meta.url));
writeFileSync(page, withRulesDoc(readFileSync(page, 'utf8')));
console.log('wrote the rules table in docs/rules.md');
