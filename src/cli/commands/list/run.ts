/** The body of `list`, loaded only when it runs. */
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { printableLine } from '../../../core/printable.js';
import { UsageError } from '../../../core/errors.js';
import { describeListeners, type ListenerFilter } from '../../../api/clb.js';
import { PROTOCOLS } from '../../../model/fields.js';
import { checkListenerIds, checkLoadBalancerId } from '../../../model/ids.js';
import { checkAnswer, loadValidator } from '../../../model/validate.js';
import { openSession } from '../../session.js';
import { printResult } from '../../../ui/output.js';
import { addHint } from '../../api-hints.js';
import type { RuleSummary } from '../../../api/clb.js';
import { RULE_TEXT } from '../../rule-text.js';

const domainsOf = (r: RuleSummary): string => (r.Domains?.length ? r.Domains : [r.Domain ?? '']).join(',');

/** A listener's rules under its line in text output: indented, tab-separated. */
function ruleLines(rules: readonly RuleSummary[]): string[] {
  return rules.map((r) => `  ${[r.LocationId, domainsOf(r), r.Url ?? '', r.DefaultServer ? 'default' : ''].join('\t').trimEnd()}`);
}

/** A listener's rules in one table cell: `www.example.com/ (loc-…)`. */
function ruleCells(rules: readonly RuleSummary[]): string {
  return rules.map((r) => `${domainsOf(r)}${r.Url ?? ''}`).join(' ');
}
import { ERRORS } from '../../../core/errors.messages.js';
import { HEADERS } from '../../../ui/table.messages.js';
import { message, say, type Language } from '../../../core/i18n.js';
import { COMMAND_TEXTS } from '../command-texts.messages.js';
import { USAGE_TEXTS } from '../../../core/usage-texts.js';
import { closest } from '../../../core/suggest.js';

export interface ListFlags {
  lb: string;
  /** The flag each value was given as (`--lb` or `--load-balancer-id`), for messages in the user's words. */
  lbFlag?: string;
  port?: string;
  portFlag?: string;
  protocol?: string;
  listenerId?: string[];
  listenerIdFlag?: string;
  /** Also each listener's targets; --health adds their health. */
  targets?: boolean;
  health?: boolean;
}

/**
 * Flags → a DescribeListeners filter, checked with the same rules `create` uses; unusual ids are only
 * `warn`ed about. With --port, `loadValidator()` must have been awaited.
 */
export function listFilter(flags: ListFlags, warn: (message: string) => void = () => {}, language: Language = 'en'): ListenerFilter {
  const lb = checkLoadBalancerId(flags.lb, flags.lbFlag ?? '--lb');
  if (lb.warning) warn(lb.warning);
  const filter: ListenerFilter = { LoadBalancerId: lb.value };
  if (flags.port !== undefined) {
    // One port, checked by the same rule as a listener's ports.
    const problemIn = (said: Language) =>
      flags.port!.includes(',')
        ? say(said, COMMAND_TEXTS.takesOnePort)
        : checkAnswer({}, ['Ports'], flags.port!, { now: 0, language: said }).problem;
    const portFlag = flags.portFlag ?? '--port';
    const problem = problemIn('en');
    if (problem) {
      const both = { en: problem, zh: problemIn('zh') ?? problem };
      throw new UsageError(message(COMMAND_TEXTS.flagProblem, { flag: portFlag, problem: both }), portFlag);
    }
    filter.Port = Number(flags.port.trim());
  }
  if (flags.protocol !== undefined) {
    const protocol = flags.protocol.toUpperCase();
    if (!(PROTOCOLS as readonly string[]).includes(protocol)) {
      const params = { flag: '--protocol', value: flags.protocol, choices: PROTOCOLS.join(', ') };
      const suggestion = closest(flags.protocol, PROTOCOLS);
      throw new UsageError(
        suggestion.length
          ? say(language, USAGE_TEXTS.notOneOfSuggest, { ...params, suggestion: suggestion.join(', ') })
          : say(language, USAGE_TEXTS.notOneOf, params),
        '--protocol',
      );
    }
    filter.Protocol = protocol;
  }
  // DescribeListeners takes at most 100 ids.
  if (flags.listenerId) {
    const checked = checkListenerIds(flags.listenerId, flags.listenerIdFlag ?? '--listener-id', 100);
    for (const warning of checked.warnings) warn(warning);
    filter.ListenerIds = checked.ids;
  }
  return filter;
}

export async function runList(ctx: CliContext, globals: GlobalOptions, flags: ListFlags): Promise<void> {
  if (flags.port !== undefined) await loadValidator();
  const filter = listFilter(
    flags,
    (warning) => {
      if (!globals.quiet) ctx.stderr.write(`${say(ctx.language ?? 'en', ERRORS.warningLine, { message: printableLine(warning) })}\n`);
    },
    ctx.language ?? 'en',
  );
  const session = await openSession(globals, ctx);
  try {
    const result = await describeListeners(session.client, filter, { signal: ctx.signal }).catch(async (error: unknown) => {
      throw await addHint(error, { globals });
    });
    const listeners = result.Listeners ?? [];
    const withRules = listeners.some((l) => (l.Rules ?? []).length > 0);
    const language = ctx.language ?? 'en';
    const view = {
      json: { Listeners: listeners, TotalCount: result.TotalCount ?? listeners.length, RequestId: result.RequestId },
      // An HTTP/HTTPS listener's rules follow it, indented: LocationId, domains, URL, default.
      text: listeners.flatMap((l) => [
        [l.ListenerId, l.Protocol, l.EndPort ? `${l.Port}-${l.EndPort}` : String(l.Port), l.ListenerName ?? ''].join('\t'),
        ...ruleLines(l.Rules ?? []),
      ]),
      table: [
        [
          ...(['listenerId', 'protocol', 'port', 'name', 'created'] as const).map((id) => say(language, HEADERS[id])),
          ...(withRules ? [say(language, RULE_TEXT.headRules)] : []),
        ],
        ...listeners.map((l) => [
          l.ListenerId,
          l.Protocol,
          l.EndPort ? `${l.Port}-${l.EndPort}` : String(l.Port),
          l.ListenerName ?? '',
          // The API gives Beijing time without a zone; the table says which.
          l.CreateTime ? `${l.CreateTime} +08:00` : '',
          ...(withRules ? [ruleCells(l.Rules ?? [])] : []),
        ]),
      ],
    };
    if (!flags.targets && !flags.health) {
      await printResult(ctx, globals, view);
      return;
    }
    const { readListTargets, withListTargets } = await import('./targets.js');
    const targets = await readListTargets(
      session.client,
      filter.LoadBalancerId,
      listeners.map((l) => l.ListenerId),
      flags.health === true,
      ctx.signal,
    ).catch(async (error: unknown) => {
      throw await addHint(error, { globals });
    });
    await printResult(ctx, globals, withListTargets(view, listeners, targets, ctx.language ?? 'en'));
  } finally {
    await session.client.close();
  }
}
