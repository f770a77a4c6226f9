/**
 * The zod builders the request's schemas use (schema.ts), from zod's tree-shakable form, zod/mini:
 * the one module through which the model loads zod, lazily (`loadRequestSchemas`), so `--help`
 * and `--version` never load it. Named here one by one so the bundle carries only what is used;
 * the API replies' schemas (src/api/replies.ts) use the same zod/mini, and the bundle puts both
 * in one file.
 */
export { array, boolean, config, int, intersection, looseObject, optional, string, superRefine, unknown } from 'zod/mini';
