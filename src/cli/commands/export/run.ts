/**
 * The body of `export`, loaded only when it runs: check the flags (nothing is sent for a bad one),
 * read every named load balancer at once, turn what each exporter reads into the entries of an
 * apply file, and print it: YAML with comments (text), the same document as JSON (`-o json`), or
 * one row per listener (`-o table`). Reads only: export never writes.
 */
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { InterruptedError, UsageError } from '../../../core/errors.js';
import { printableLine } from '../../../core/printable.js';
import { loadValidator } from '../../../model/validate.js';
import { printResult } from '../../../ui/output.js';
import { listFilter } from '../list/run.js';
import { EXPORTERS, type Exported } from './exporters.js';
import { exportYaml } from './yaml.js';
import { message, render, say } from '../../../core/i18n.js';
import { ERRORS } from '../../../core/errors.messages.js';
import { HEADERS } from '../../../ui/table.messages.js';
import { EXPORT } from './export.messages.js';

export interface ExportFlags {
  lb: string[];
  port?: string;
  protocol?: string;
}

/** Connections kept open: one per load balancer read at once, as apply does, at most 16. */
const MAX_CONNECTIONS = 16;

export async function runExport(ctx: CliContext, globals: GlobalOptions, flags: ExportFlags): Promise<void> {
  const language = ctx.language ?? 'en';
  const warn = (text: string) => {
    if (!globals.quiet) ctx.stderr.write(`${printableLine(say(language, ERRORS.warningLine, { message: text }))}\n`);
  };
  // The port check and the exporter's check of each entry use the model's validator.
  await loadValidator();
  const lbs = [...new Set(flags.lb.flatMap((lb) => lb.split(',')).map((lb) => lb.trim()))];
  if (lbs.some((lb) => lb === '')) throw new UsageError(message(EXPORT.emptyLb), '--lb');
  // The same checks as `list` (ids, one port, a protocol), before anything is sent.
  const filters = lbs.map((lb) =>
    listFilter(
      {
        lb,
        ...(flags.port !== undefined ? { port: flags.port } : {}),
        ...(flags.protocol !== undefined ? { protocol: flags.protocol } : {}),
      },
      warn,
    ),
  );
  const [{ openSession }, { addHint }] = await Promise.all([import('../../session.js'), import('../../api-hints.js')]);
  const session = await openSession(globals, ctx, { connections: Math.min(MAX_CONNECTIONS, lbs.length) });
  const exported: Exported[] = [];
  try {
    const options = { signal: ctx.signal, now: ctx.now(), secrets: ctx.secrets.list(), language: ctx.language ?? 'en' };
    // Load balancers at once; on each, the kinds in order (what belongs to a listener after it).
    const perLb = await Promise.all(
      filters.map(async (filter) => {
        const entries: Exported[] = [];
        for (const exporter of EXPORTERS) {
          try {
            await exporter.export(session.client, filter, entries, options);
          } catch (error) {
            // Only reads were under way: nothing was changed.
            if (error instanceof InterruptedError) throw InterruptedError.beforeSending();
            throw await addHint(error, { globals, loadBalancerId: filter.LoadBalancerId });
          }
        }
        return entries;
      }),
    );
    for (const entries of perLb) exported.push(...entries);
  } finally {
    await session.client.close();
  }
  const filtered = flags.port !== undefined || flags.protocol !== undefined;
  const document = { listeners: exported.map((e) => e.entry) };
  const yaml = (globals.output ?? 'text') === 'text' && !globals.query;
  if (!globals.quiet && !yaml) {
    // In YAML the notes are comments; JSON and tables have none, so they are said on stderr.
    for (const e of exported)
      for (const note of e.noteTexts)
        ctx.stderr.write(`${printableLine(say(language, EXPORT.note, { listener: e.listenerId, note: render(language, note) }))}\n`);
  }
  await printResult(ctx, globals, {
    json: document,
    text: yaml ? (await exportYaml(exported, { loadBalancers: lbs, filtered, language })).split('\n') : [],
    table: [
      [EXPORT.headerLoadBalancer, HEADERS.protocol, HEADERS.port, HEADERS.name, HEADERS.listenerId, EXPORT.headerNotes].map((h) =>
        say(language, h),
      ),
      ...exported.map((e) => [
        String(e.entry.LoadBalancerId),
        String(e.entry.Protocol),
        e.entry.EndPort !== undefined ? `${e.entry.Port}-${e.entry.EndPort}` : String(e.entry.Port),
        typeof e.entry.ListenerName === 'string' ? e.entry.ListenerName : '',
        e.listenerId,
        String(e.notes.length),
      ]),
    ],
  });
  if (!globals.quiet && globals.output !== 'json' && exported.length === 0) ctx.stderr.write(`${say(language, EXPORT.noneMatched)}\n`);
}
