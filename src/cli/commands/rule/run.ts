/**
 * The bodies of `rule create|modify|delete|list`, loaded only when one runs. Each checks what it
 * can before any request (exit 2, nothing sent), reads the listener, checks again with what the
 * listener is (protocol, SNI, its rules), then writes and follows the task. A write whose answer
 * is lost is looked up by reading, never sent again.
 */
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { CliError, ConflictError, InterruptedError, UsageError } from '../../../core/errors.js';
import { message, say } from '../../../core/i18n.js';
import { resolveValidate } from '../../../config/index.js';
import { ruleDomains, type RuleInput } from '../../../model/rule-fields.js';
import { domainChanges, FIXED_FIELDS, RULE_FIELDS, ruleChanges } from '../../rule-diff.js';
import { checkRuleAddress, checkRuleInputs, parseRuleFlags, type ParsedRule } from '../../../model/rule-input.js';
import { printableLine } from '../../../core/printable.js';
import { createProgress, type Progress } from '../../../ui/progress.js';
import { checkQueryOn, printResult } from '../../../ui/output.js';
import { inputReader } from '../../read-input.js';
import { RULE_TEXT as T } from '../../rule-text.js';
import { RULE_COMMAND } from './rule-command.messages.js';
import { followRuleTask, readRulesUntil, sendRules, type ResultRule, type RuleRun } from '../../rules-step.js';
import { settingsInput } from '../../settings-input.js';
import { waitTimeoutMs } from '../../seconds.js';
import { answerWasLost } from '../../reconcile.js';
import { suggestCommand } from '../../command-line.js';
import { findListener, type FoundListener, listenerRef, type ListenerRef, type RuleFlags } from './shared.js';
import type { Session } from '../../session.js';

type Verb = 'create' | 'modify' | 'delete' | 'list';

export async function runRule(verb: Verb, ctx: CliContext, globals: GlobalOptions, flags: RuleFlags): Promise<void> {
  const ref = listenerRef(flags, ctx);
  if (!globals.quiet) for (const warning of ref.warnings) ctx.stderr.write(`warning: ${printableLine(warning)}\n`);
  if (verb === 'create') return ruleCreate(ctx, globals, flags, ref);
  if (verb === 'modify') return ruleModify(ctx, globals, flags, ref);
  if (verb === 'delete') return ruleDelete(ctx, globals, flags, ref);
  return ruleList(ctx, globals, ref);
}

const text = (ctx: CliContext) => (t: (typeof T)[keyof typeof T], params?: Record<string, string | number>) =>
  say(ctx.language ?? 'en', t, params);

async function withSession<R>(ctx: CliContext, globals: GlobalOptions, work: (session: Session) => Promise<R>): Promise<R> {
  const { openSession } = await import('../../session.js');
  const session = await openSession(globals, ctx);
  try {
    return await work(session);
  } finally {
    await session.client.close();
  }
}

async function readListener(session: Session, ref: ListenerRef, ctx: CliContext, globals: GlobalOptions): Promise<FoundListener> {
  try {
    return await findListener(session.client, ref, ctx);
  } catch (error) {
    if (error instanceof InterruptedError) throw InterruptedError.beforeSending();
    if (error instanceof ConflictError) throw error;
    const { addHint } = await import('../../api-hints.js');
    throw await addHint(error, { globals, loadBalancerId: ref.LoadBalancerId });
  }
}

function warnAll(progress: Progress, warnings: readonly string[]): void {
  for (const warning of warnings) progress.warn(warning);
}

// ---- rule create ----------------------------------------------------------------------------

function ruleTable(ctx: CliContext, rules: readonly ResultRule[], withAction: boolean): string[][] {
  const t = text(ctx);
  return [
    [t(T.headListenerId), t(T.headDomain), t(T.headUrl), t(T.headLocationId), ...(withAction ? [t(T.headAction)] : [])],
    ...rules.map((r) => [r.ListenerId, (r.Domains ?? [r.Domain]).join(','), r.Url, r.LocationId, ...(withAction ? [r.Action ?? ''] : [])]),
  ];
}

async function ruleCreate(ctx: CliContext, globals: GlobalOptions, flags: RuleFlags, ref: ListenerRef): Promise<void> {
  const t = text(ctx);
  const language = ctx.language ?? 'en';
  if (!flags.rule?.length) throw new UsageError(t(T.ruleNeeded), '--rule');
  const { validate } = resolveValidate(settingsInput(globals, ctx), undefined);
  const { loadValidator } = await import('../../../model/validate.js');
  await loadValidator();
  const given = await parseRuleFlags(flags.rule, inputReader(ctx), ctx.secrets);
  // A rule's Targets are bound once the rule exists (create/targets.ts), after its own checks.
  const { splitRuleTargets } = await import('../../../model/target-input.js');
  const split = splitRuleTargets(given, { language, validate });
  const parsed = given.map((p, i) => ({ ...p, value: split.rules[i]! }));
  const keepExisting = flags.ifNotExists === true;
  // What can be checked without the listener, before any request.
  const alone = checkRuleInputs(parsed, { protocol: undefined, sniSwitch: 0, keepExisting }, { now: ctx.now(), language, validate });
  if (flags.dryRun) {
    if (!globals.quiet) for (const warning of alone.warnings) ctx.stderr.write(`warning: ${printableLine(warning)}\n`);
    const { printDryRun } = await import('../../dry-run.js');
    const listenerId = ref.ListenerId ?? t(T.dryRunPortListener, { port: ref.Port! });
    await printDryRun(ctx, globals, 'CreateRule', { LoadBalancerId: ref.LoadBalancerId, ListenerId: listenerId, Rules: alone.rules });
    return;
  }
  const sample = alone.rules.map((r) => ({
    ListenerId: 'lbl-00000000',
    Domain: ruleDomains(r)[0] ?? '',
    Url: r.Url,
    LocationId: 'loc-00000000',
  }));
  await checkQueryOn(globals, createView(ref, 'lbl-00000000', sample, keepExisting, ctx).json);
  const timeoutMs = waitTimeoutMs(flags.waitTimeout);
  const progress = await createProgress(ctx, globals);
  await withSession(ctx, globals, async (session) => {
    const listener = await readListener(session, ref, ctx, globals);
    const checked = checkRuleInputs(
      parsed,
      { protocol: listener.Protocol, sniSwitch: listener.SniSwitch, existing: listener.Rules, keepExisting },
      { now: ctx.now(), language, validate },
    );
    warnAll(progress, [...checked.warnings, ...split.warnings]);
    const run: RuleRun = { ctx, globals, progress, timeoutMs };
    const results = await sendRules(
      session.client,
      { LoadBalancerId: ref.LoadBalancerId, ListenerId: listener.ListenerId, existing: listener.Rules },
      checked.rules,
      run,
      { keepExisting },
    );
    const view = createView(ref, listener.ListenerId, results, keepExisting, ctx);
    if (split.targets.some((t) => t?.length)) {
      const { bindRuleTargets } = await import('../create/targets.js');
      const indexOf = (rule: ResultRule) => checked.rules.findIndex((r) => ruleDomains(r)[0] === rule.Domain && r.Url === rule.Url);
      const targets = await bindRuleTargets(
        session.client,
        { LoadBalancerId: ref.LoadBalancerId, Protocol: listener.Protocol, Ports: [listener.Port] },
        results,
        (rule) => split.targets[indexOf(rule)],
        run,
      );
      await printResult(ctx, globals, { ...view, json: { ...view.json, Targets: targets } });
      return;
    }
    await printResult(ctx, globals, view);
  });
}

function createView(ref: ListenerRef, listenerId: string, rules: readonly ResultRule[], withAction: boolean, ctx: CliContext) {
  return {
    json: { LoadBalancerId: ref.LoadBalancerId, ListenerId: listenerId, Rules: rules },
    text: rules.map((r) => r.LocationId),
    table: ruleTable(ctx, rules, withAction),
  };
}

// ---- rule list ------------------------------------------------------------------------------

async function ruleList(ctx: CliContext, globals: GlobalOptions, ref: ListenerRef): Promise<void> {
  const t = text(ctx);
  await withSession(ctx, globals, async (session) => {
    const listener = await readListener(session, ref, ctx, globals);
    const rules = listener.Rules;
    const domains = (r: (typeof rules)[number]) => (r.Domains?.length ? r.Domains : [r.Domain ?? '']).join(',');
    const cert = (r: (typeof rules)[number]) => {
      const c = r.Certificate as { CertId?: string | null } | null | undefined;
      return c?.CertId ?? '';
    };
    await printResult(ctx, globals, {
      json: {
        LoadBalancerId: ref.LoadBalancerId,
        ListenerId: listener.ListenerId,
        Protocol: listener.Protocol,
        Port: listener.Port,
        Rules: rules,
        TotalCount: rules.length,
      },
      text: rules.map((r) => [r.LocationId, domains(r), r.Url ?? '', r.DefaultServer ? 'default' : ''].join('\t').trimEnd()),
      table: [
        [t(T.headLocationId), t(T.headDomain), t(T.headUrl), t(T.headDefault), t(T.headCertificate)],
        ...rules.map((r) => [r.LocationId, domains(r), r.Url ?? '', r.DefaultServer ? 'yes' : '', cert(r)]),
      ],
    });
  });
}

// ---- rule delete ----------------------------------------------------------------------------

async function ruleDelete(ctx: CliContext, globals: GlobalOptions, flags: RuleFlags, ref: ListenerRef): Promise<void> {
  const t = text(ctx);
  const byId = flags.locationId !== undefined;
  if (byId && (flags.domain !== undefined || flags.url !== undefined)) throw new UsageError(t(T.deleteWhich), '--location-id');
  if (!byId && (flags.domain === undefined || flags.url === undefined)) throw new UsageError(t(T.deleteWhich), '--domain');
  const ids = byId
    ? [
        ...new Set(
          flags
            .locationId!.flatMap((v) => v.split(','))
            .map((v) => v.trim())
            .filter(Boolean),
        ),
      ]
    : [];
  // An id is text without control characters; a domain and URL are checked as a rule's are.
  const bad = ids.find((id) => !/^loc-[^\u0000-\u001f\u007f-\u009f]+$/.test(id));
  if (bad !== undefined) throw new UsageError(message(RULE_COMMAND.badLocationId, { value: JSON.stringify(bad) }), '--location-id');
  checkRuleAddress(
    {
      ...(byId ? {} : { domain: flags.domain!, url: flags.url! }),
      ...(flags.newDefaultDomain !== undefined ? { newDefaultDomain: flags.newDefaultDomain } : {}),
    },
    { now: ctx.now(), language: ctx.language ?? 'en' },
  );
  const extra = flags.newDefaultDomain ? { NewDefaultServerDomain: flags.newDefaultDomain } : {};
  if (flags.dryRun) {
    const { printDryRun } = await import('../../dry-run.js');
    const listenerId = ref.ListenerId ?? t(T.dryRunPortListener, { port: ref.Port! });
    const which = byId ? { LocationIds: ids } : { Domain: flags.domain!, Url: flags.url! };
    await printDryRun(ctx, globals, 'DeleteRule', { LoadBalancerId: ref.LoadBalancerId, ListenerId: listenerId, ...which, ...extra });
    return;
  }
  const timeoutMs = waitTimeoutMs(flags.waitTimeout);
  const progress = await createProgress(ctx, globals);
  await withSession(ctx, globals, async (session) => {
    const listener = await readListener(session, ref, ctx, globals);
    const doomed = byId
      ? listener.Rules.filter((r) => ids.includes(r.LocationId))
      : listener.Rules.filter(
          (r) =>
            ruleDomains({ Domain: r.Domain ?? undefined, Domains: r.Domains ?? undefined }).includes(flags.domain!) && r.Url === flags.url,
        );
    const missing = byId ? ids.filter((id) => !doomed.some((r) => r.LocationId === id)) : doomed.length ? [] : ['-'];
    if (missing.length > 0 && !flags.ifExists) {
      throw new ConflictError(
        byId
          ? t(T.noSuchLocation, { ids: missing.join(', '), listener: listener.ListenerId })
          : t(T.noSuchRule, { domain: flags.domain!, url: flags.url!, listener: listener.ListenerId }),
      );
    }
    const locationIds = doomed.map((r) => r.LocationId);
    const view = (requestId: string | null) => ({
      json: { LoadBalancerId: ref.LoadBalancerId, ListenerId: listener.ListenerId, LocationIds: locationIds, RequestId: requestId },
      text: locationIds,
    });
    if (locationIds.length === 0) {
      progress.succeed(t(T.nothingToDelete, { listener: listener.ListenerId }));
      await printResult(ctx, globals, view(null));
      return;
    }
    const { deleteRules } = await import('../../../api/clb.js');
    const label = t(T.deletingRules, { count: locationIds.length, listener: listener.ListenerId });
    progress.start(label);
    const target = { LoadBalancerId: ref.LoadBalancerId, ListenerId: listener.ListenerId };
    let requestId: string | null = null;
    try {
      requestId = (await deleteRules(session.client, target, locationIds, extra, { signal: ctx.signal })).RequestId;
    } catch (error) {
      progress.fail();
      if (!answerWasLost(error)) throw error;
      const gone = await readRulesUntil(session.client, target, (rules) => !rules.some((r) => locationIds.includes(r.LocationId)), ctx);
      if (!gone) throw withLostHint(error, ctx, globals, ref);
      progress.warn(t(T.lostDelete, { reason: (error as Error).message }));
      await printResult(ctx, globals, view(null));
      return;
    }
    await followRuleTask(session.client, requestId, { ctx, globals, progress, timeoutMs }, label, 'DeleteRule', listener.ListenerId);
    progress.succeed(t(T.deletedRules, { ids: locationIds.join(', '), listener: listener.ListenerId }));
    await printResult(ctx, globals, view(requestId));
  });
}

function withLostHint(error: unknown, ctx: CliContext, globals: GlobalOptions, ref: ListenerRef): unknown {
  if (error instanceof CliError) {
    const command = suggestCommand(
      globals,
      'rule',
      'list',
      '--lb',
      ref.LoadBalancerId,
      ...(ref.ListenerId ? ['--listener-id', ref.ListenerId] : ['--port', String(ref.Port)]),
    );
    return error.with({ hint: text(ctx)(T.lostNotSeen, { command }) });
  }
  return error;
}

// ---- rule modify ----------------------------------------------------------------------------

async function ruleModify(ctx: CliContext, globals: GlobalOptions, flags: RuleFlags, ref: ListenerRef): Promise<void> {
  const t = text(ctx);
  const language = ctx.language ?? 'en';
  if (flags.rule?.length !== 1) throw new UsageError(t(T.oneRuleToModify), '--rule');
  const { validate } = resolveValidate(settingsInput(globals, ctx), undefined);
  const { loadValidator } = await import('../../../model/validate.js');
  await loadValidator();
  const [parsed] = (await parseRuleFlags(flags.rule, inputReader(ctx), ctx.secrets)) as [ParsedRule];
  const wanted = parsed.value;
  const hasUrl = wanted.Url !== undefined;
  const ruleLevel = Object.keys(wanted).filter((k) => RULE_FIELDS.has(k));
  const fixed = ruleLevel.filter((k) => FIXED_FIELDS.has(k));
  if (fixed.length) throw new UsageError(t(T.notModifiable, { fields: fixed.join(', ') }), '--rule');
  if (!hasUrl && ruleLevel.length) throw new UsageError(t(T.modifyDomainOnly, { fields: ruleLevel.join(', ') }), '--rule');
  // Checked as a rule (a stand-in Url when only the domain changes), first alone, then with the listener.
  const asRule = [{ ...parsed, value: hasUrl ? wanted : { ...wanted, Url: '/' } }];
  const check = (listener?: FoundListener) =>
    checkRuleInputs(
      asRule,
      listener
        ? { protocol: listener.Protocol, sniSwitch: listener.SniSwitch, existing: listener.Rules, keepExisting: true }
        : { protocol: undefined, sniSwitch: 0, keepExisting: true },
      { now: ctx.now(), language, validate },
    );
  check();
  const domain = ruleDomains(wanted)[0]!;
  const timeoutMs = waitTimeoutMs(flags.waitTimeout);
  const progress = await createProgress(ctx, globals);
  await withSession(ctx, globals, async (session) => {
    const listener = await readListener(session, ref, ctx, globals);
    warnAll(progress, check(listener).warnings);
    const ofDomain = listener.Rules.filter((r) =>
      ruleDomains({ Domain: r.Domain ?? undefined, Domains: r.Domains ?? undefined }).includes(domain),
    );
    if (ofDomain.length === 0) throw new ConflictError(t(T.noDomain, { domain, listener: listener.ListenerId }));
    const rule = hasUrl ? ofDomain.find((r) => r.Url === wanted.Url) : undefined;
    if (hasUrl && !rule) throw new ConflictError(t(T.noSuchRule, { domain, url: String(wanted.Url), listener: listener.ListenerId }));
    const perRule = rule ? ruleChanges(rule, wanted) : {};
    const perDomain = domainChanges(rule ?? ofDomain[0]!, wanted);
    const what = hasUrl ? `${domain} ${String(wanted.Url)}` : domain;
    const target = { LoadBalancerId: ref.LoadBalancerId, ListenerId: listener.ListenerId };
    const requests = [
      ...(Object.keys(perRule).length ? [{ action: 'ModifyRule', body: { ...target, LocationId: rule!.LocationId, ...perRule } }] : []),
      ...(Object.keys(perDomain).length ? [{ action: 'ModifyDomainAttributes', body: { ...target, Domain: domain, ...perDomain } }] : []),
    ];
    if (flags.dryRun) {
      const { printDryRun } = await import('../../dry-run.js');
      const [first, ...rest] = requests;
      if (first) await printDryRun(ctx, globals, first.action, first.body, rest);
      else progress.succeed(t(T.nothingToChange, { what }));
      return;
    }
    const changed = [...Object.keys(perRule), ...Object.keys(perDomain)];
    const done: { Action: string; RequestId: string | null }[] = [];
    const view = () => ({
      json: {
        LoadBalancerId: ref.LoadBalancerId,
        ListenerId: listener.ListenerId,
        Domain: domain,
        ...(rule ? { Url: rule.Url, LocationId: rule.LocationId } : {}),
        Changed: changed,
        Requests: done,
      },
      text: [rule?.LocationId ?? domain],
    });
    if (requests.length === 0) {
      progress.succeed(t(T.nothingToChange, { what }));
      await printResult(ctx, globals, view());
      return;
    }
    const api = await import('../../../api/clb.js');
    for (const request of requests) {
      const label = t(T.modifying, { what, listener: listener.ListenerId, action: request.action });
      progress.start(label);
      const fields = request.action === 'ModifyRule' ? perRule : perDomain;
      try {
        const accepted =
          request.action === 'ModifyRule'
            ? await api.modifyRule(session.client, { ...target, LocationId: rule!.LocationId }, perRule, { signal: ctx.signal })
            : await api.modifyDomainAttributes(session.client, { ...target, Domain: domain }, perDomain, { signal: ctx.signal });
        await followRuleTask(
          session.client,
          accepted.RequestId,
          { ctx, globals, progress, timeoutMs },
          label,
          request.action,
          listener.ListenerId,
        );
        done.push({ Action: request.action, RequestId: accepted.RequestId });
      } catch (error) {
        progress.fail();
        if (!answerWasLost(error)) throw error;
        const shows = await readRulesUntil(
          session.client,
          target,
          (found) => {
            const rules = found as FoundListener['Rules'];
            const now = rules.find((r) =>
              rule
                ? r.LocationId === rule.LocationId
                : ruleDomains({ Domain: r.Domain ?? undefined, Domains: r.Domains ?? undefined }).includes(domain),
            );
            if (!now) return false;
            return request.action === 'ModifyRule'
              ? Object.keys(ruleChanges(now, fields)).length === 0
              : Object.keys(domainChanges(now, fields)).filter((k) => k !== 'Certificate' && k !== 'MultiCertInfo').length === 0;
          },
          ctx,
        );
        if (!shows) throw withLostHint(error, ctx, globals, ref);
        progress.warn(t(T.lostModify, { action: request.action, reason: (error as Error).message }));
        done.push({ Action: request.action, RequestId: null });
      }
    }
    progress.succeed(t(T.modified, { what, listener: listener.ListenerId, fields: changed.join(', ') }));
    await printResult(ctx, globals, view());
  });
}

export type { RuleInput };
