/**
 * The body of `apply`, loaded only when it runs: read and validate the file (nothing is sent for
 * an invalid file), read every named load balancer's listeners, plan, then show the plan or carry
 * it out with progress, and print the outcome (docs/apply.md).
 */
import { dirname, resolve } from 'node:path';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { AcceptedError, ConflictError, ExitStatus, InterruptedError, PartialFailureError, UsageError } from '../../../core/errors.js';
import { message, render, say } from '../../../core/i18n.js';
import { COMMAND_TEXTS } from '../command-texts.messages.js';
import { ERRORS } from '../../../core/errors.messages.js';
import { APPLY } from './apply.messages.js';
import { readDocument } from '../../../model/coerce.js';
import { readListenerFile, type ListenerFile } from '../../../model/listener-file.js';
import type { ReportedListener } from '../../../model/compare.js';
import type { PortHolder } from '../../../model/ports.js';
import { inputReader } from '../../read-input.js';
import { settingsInput } from '../../settings-input.js';
import { waitTimeoutMs } from '../../follow-task.js';
import { ExitCode } from '../../exit-codes.js';
import { suggestCommand } from '../../command-line.js';
import { createProgress, formatElapsed, MARK, type Progress } from '../../../ui/progress.js';
import { keyValueTable, printResult, type ResultView } from '../../../ui/output.js';
import { buildPlan, hasChanges, operationsOf, summarize, type Plan, type PlanItem, type ReportedByLb } from './plan.js';
import { outcomeView, planView, reasonOf, summaryLine } from './render.js';
import type { ExecutionEvent, ItemResult } from './execute.js';
import { hasRuleChanges, planRules, type RuleChange } from './rules-plan.js';
import { withRuleOutcome, withRulePlan } from './rules-render.js';
import type { RuleResult } from './rules-execute.js';
import type { KeptRule } from './rules-prune.js';
import type { Session } from '../../session.js';
import { USAGE_TEXTS } from '../../../core/usage-texts.js';
import type * as TargetsModuleType from './targets.js';
import type { TargetPlan } from './targets.js';
import type { BoundTarget } from '../../targets-step.js';

export interface ApplyFlags {
  file?: string;
  plan?: boolean;
  detailedExitcode?: boolean;
  prune?: boolean;
  yes?: boolean;
  schema?: boolean;
  waitTimeout?: string;
  /** `--no-validate` stores false. */
  validate?: boolean;
  /** `--wait-healthy [seconds]`: after applying, wait for the health of the targets the file gives. */
  waitHealthy?: string | boolean;
}

/**
 * Connections kept open to the API: one per load balancer (each has at most one request out at a
 * time: its read, then a write or a poll), so a wave of polls or writes never queues for one;
 * at most 16, past which the rate limit paces requests anyway.
 */
const MAX_CONNECTIONS = 16;

/** Reads the file; `file://` values in it are relative to the file's own directory. */
async function loadFile(
  ctx: CliContext,
  globals: GlobalOptions,
  path: string,
  validate: boolean,
): Promise<{ file: ListenerFile; label: string }> {
  const label = path === '-' ? 'stdin' : path;
  // The credential files' secrets are known before the file is: a key read into it is never printed.
  const { registerStoredSecrets } = await import('../../../config/stored-secrets.js');
  registerStoredSecrets(settingsInput(globals, ctx));
  const document = await readDocument(path, '--file', inputReader(ctx));
  const base = path === '-' ? ctx.cwd : dirname(resolve(ctx.cwd, path));
  const readText = inputReader({ ...ctx, cwd: base });
  const file = await readListenerFile(document, label, {
    readText,
    now: ctx.now(),
    validate,
    signal: ctx.signal,
    language: ctx.language ?? 'en',
  });
  return { file, label };
}

/** Every named load balancer's listeners, read at once (paced by the limiter). */
async function readState(
  session: Session,
  plan: { loadBalancers: string[] },
  ctx: CliContext,
  globals: GlobalOptions,
): Promise<ReportedByLb> {
  const [{ describeListeners }, { addHint }] = await Promise.all([import('../../../api/clb.js'), import('../../api-hints.js')]);
  const reported = new Map<string, (PortHolder & ReportedListener)[]>();
  await Promise.all(
    plan.loadBalancers.map(async (lb) => {
      try {
        const answer = await describeListeners(session.client, { LoadBalancerId: lb }, { signal: ctx.signal });
        reported.set(lb, (answer.Listeners ?? []) as (PortHolder & ReportedListener)[]);
      } catch (error) {
        // Only reads were under way: nothing was sent.
        if (error instanceof InterruptedError) throw InterruptedError.beforeSending();
        throw await addHint(error, { globals, loadBalancerId: lb });
      }
    }),
  );
  return reported;
}

type TargetsModule = typeof TargetsModuleType;

/** The targets of the listeners the file gives `Targets:` for, read (DescribeTargets) and planned. */
async function planTargetsOf(
  session: Session,
  plan: Plan,
  reported: ReportedByLb,
  file: ListenerFile,
  flags: ApplyFlags,
  ctx: CliContext,
  globals: GlobalOptions,
): Promise<{ module: TargetsModule; plan: TargetPlan }> {
  const [module, { readBound }, { addHint }] = await Promise.all([
    import('./targets.js'),
    import('../../targets-step.js'),
    import('../../api-hints.js'),
  ]);
  const toRead = module.listenersToRead(plan, file.listeners);
  const bound = new Map<string, Map<string, BoundTarget[]>>();
  await Promise.all(
    [...toRead].map(async ([lb, ids]) => {
      try {
        bound.set(lb, await readBound(session.client, lb, ids, ctx.signal));
      } catch (error) {
        if (error instanceof InterruptedError) throw InterruptedError.beforeSending();
        throw await addHint(error, { globals, loadBalancerId: lb });
      }
    }),
  );
  // The scope judges a listener by the name it has now, as it does for rules.
  const names = new Map<string, string | null>();
  for (const listeners of reported.values())
    for (const l of listeners)
      if (typeof l.ListenerId === 'string')
        names.set(l.ListenerId, typeof l.ListenerName === 'string' && l.ListenerName !== '' ? l.ListenerName : null);
  return {
    module,
    plan: module.planTargets(plan, file.listeners, bound, {
      prune: flags.prune === true,
      ...(file.prune ? { scope: file.prune } : {}),
      language: ctx.language ?? 'en',
      names,
    }),
  };
}

/** --wait-healthy: the targets of every listener the file gives them for. */
async function waitForHealth(
  session: Session,
  targets: { module: TargetsModule; plan: TargetPlan },
  results: ReadonlyMap<PlanItem, ItemResult>,
  run: { ctx: CliContext; globals: GlobalOptions; progress: Progress; taskTimeoutMs: number },
  healthMs: number,
): Promise<void> {
  const { waitHealthy } = await import('../../targets-step.js');
  const watches = targets.module.healthWatches(targets.plan, results, run.ctx.language ?? 'en');
  await waitHealthy({ client: session.client, ctx: run.ctx, globals: run.globals, progress: run.progress }, watches, healthMs);
}

/** Deletes need a yes: --yes, or an answer at a terminal. */
async function confirmDeletes(ctx: CliContext, plan: Plan, flags: ApplyFlags): Promise<void> {
  const deletes = plan.items.filter((item) => item.action === 'delete');
  if (deletes.length === 0 || flags.yes) return;
  const language = ctx.language ?? 'en';
  const list = deletes.map((d) =>
    say(language, APPLY.deleteItem, {
      id: d.listenerId ?? '',
      protocol: d.protocol,
      port: d.port,
      name: d.name ? ` "${d.name}"` : '',
      lb: d.loadBalancerId,
    }),
  );
  const { canPrompt } = await import('../../../ui/terminal.js');
  if (!canPrompt(ctx)) {
    throw new UsageError(message(APPLY.pruneWouldDelete, { count: deletes.length, list: list.join(', ') }), '--prune', {
      hint: message(APPLY.pruneHint, { count: deletes.length }),
    });
  }
  const { createAsker } = await import('../../../ui/interactive/asker.js');
  const asker = await createAsker(ctx);
  ctx.stdout.write(`${say(language, APPLY.notDescribed)}\n${list.map((l) => `  - ${l}`).join('\n')}\n`);
  const yes = await asker.confirm({ message: say(language, APPLY.deleteThem, { count: deletes.length }), default: false });
  if (!yes) {
    throw InterruptedError.beforeSending(message(ERRORS.cancelledNothingSent));
  }
}

function conflictError(plan: Plan): ConflictError {
  const conflicts = plan.items.filter((item) => item.action === 'conflict');
  const first = conflicts[0]!;
  const reason = first.reasonText ? { en: render('en', first.reasonText), zh: render('zh', first.reasonText) } : String(first.reason);
  const params = { where: String(first.where), reason, more: conflicts.length - 1 };
  return new ConflictError(message(conflicts.length > 1 ? APPLY.conflictMore : APPLY.conflict1, params), {
    hint: message(APPLY.conflictHint),
  });
}

const STATUS_WORDS = { done: APPLY.ok, failed: APPLY.failed, unknown: APPLY.unknown, 'not tried': APPLY.notTried } as const;

/** Progress while writing: a counter at a terminal, and one line per load balancer when it is done. */
function progressHandler(progress: Progress, plan: Plan, total: number): (event: ExecutionEvent) => void {
  let done = 0;
  let finishedLbs = 0;
  const lbs = new Set(plan.items.filter((i) => ['create', 'update', 'delete'].includes(i.action)).map((i) => i.loadBalancerId)).size;
  const counts = new Map<string, Record<string, number>>();
  const failures = new Map<string, string>();
  const language = progress.language ?? 'en';
  const counter = () => say(language, APPLY.applyingCounter, { done, total, finished: finishedLbs, lbs });
  return (event) => {
    if (event.type === 'end') {
      done += event.operation.items.length;
      const tally = counts.get(event.loadBalancerId) ?? {};
      if (event.status === 'done') {
        const verb = event.operation.kind === 'create' ? 'created' : event.operation.kind === 'modify' ? 'updated' : 'deleted';
        tally[verb] = (tally[verb] ?? 0) + event.operation.items.length;
      } else {
        const detail = event.detailText ? render(language, event.detailText) : (event.detail ?? '');
        failures.set(event.loadBalancerId, `${say(language, STATUS_WORDS[event.status])}: ${detail}`);
      }
      counts.set(event.loadBalancerId, tally);
      progress.update(counter());
    } else if (event.type === 'done') {
      finishedLbs++;
      const tally = Object.entries(counts.get(event.loadBalancerId) ?? {})
        .map(([verb, n]) => say(language, APPLY.tally, { count: n, verb: APPLY[verb as 'created' | 'updated' | 'deleted'] }))
        .join(', ');
      const failure = failures.get(event.loadBalancerId);
      const params = {
        lb: event.loadBalancerId,
        tally: tally || say(language, APPLY.nothingChanged),
        elapsed: formatElapsed(event.elapsedMs),
      };
      const line = failure ? say(language, APPLY.lbStopped, { ...params, failure }) : say(language, APPLY.lbDone, params);
      progress.info(`${failure ? MARK.failed : MARK.done} ${line}`);
      progress.update(counter());
    }
  };
}

export async function runApply(ctx: CliContext, globals: GlobalOptions, flags: ApplyFlags): Promise<void> {
  if (flags.schema) {
    const { listenerFileJsonSchema } = await import('../../../model/json-schema.js');
    const schema = listenerFileJsonSchema();
    // A document, so text is the same JSON; --query picks from it like from any result.
    await printResult(ctx, globals, { json: schema, text: [JSON.stringify(schema, null, 2)], table: keyValueTable(schema) });
    return;
  }
  if (!flags.file) throw new UsageError(message(COMMAND_TEXTS.fileRequired), '--file', { hint: message(COMMAND_TEXTS.seeApplyHelp) });
  if (flags.detailedExitcode && !flags.plan) throw new UsageError(message(COMMAND_TEXTS.detailedNeedsPlan), '--detailed-exitcode');
  const taskTimeoutMs = waitTimeoutMs(flags.waitTimeout, ctx.language ?? 'en');
  const { resolveValidate } = await import('../../../config/index.js');
  const { validate } = resolveValidate(settingsInput(globals, ctx), flags.validate);
  const { file, label } = await loadFile(ctx, globals, flags.file, validate);
  // --wait-healthy is checked before anything is read: its value, and that the file gives targets to wait for.
  const healthMs =
    flags.waitHealthy !== undefined
      ? (await import('../../targets-step.js')).healthTimeoutMs(flags.waitHealthy, '--wait-healthy', ctx.language ?? 'en')
      : undefined;
  if (healthMs !== undefined && !file.listeners.some((l) => l.targets?.length || l.ruleTargets?.length)) {
    const { say } = await import('../../../core/i18n.js');
    const { TARGET_STEP_TEXT } = await import('../../target-text.js');
    throw new UsageError(say(ctx.language ?? 'en', TARGET_STEP_TEXT.waitHealthyNeedsFileTargets), '--wait-healthy');
  }
  for (const secret of file.secrets) ctx.secrets.add(secret);
  const progress = await createProgress(ctx, globals);
  const language = ctx.language ?? 'en';
  for (const warning of file.warnings) progress.warn(warning);

  const loadBalancers = [...new Set(file.listeners.map((l) => l.request.LoadBalancerId))];
  if (loadBalancers.length === 0) {
    // A file that lists no listener names no load balancer: nothing to read, nothing to do (and
    // nothing to prune: --prune only reaches the load balancers a file names).
    if (!globals.quiet) ctx.stderr.write(`${say(ctx.language ?? 'en', USAGE_TEXTS.applyNoListeners, { file: label })}\n`);
    const empty = buildPlan([], new Map(), { prune: false });
    await printResult(ctx, globals, flags.plan ? planView(empty) : outcomeView(empty, new Map()));
    return;
  }
  const { openSession } = await import('../../session.js');
  const session = await openSession(globals, ctx, { connections: Math.min(MAX_CONNECTIONS, loadBalancers.length) });
  try {
    // The keys that sign must not be in what is sent (or printed in the plan): checked before any request.
    const [{ refuseOwnSecrets }, credentials] = await Promise.all([
      import('../../../api/own-secrets.js'),
      session.settings.credentials.get(),
    ]);
    for (const entry of file.entries) refuseOwnSecrets('CreateListener', JSON.stringify(entry), credentials);
    // An entry's Rules (shared by its ports) go out after the listeners: checked before those too.
    for (const rules of new Set(file.listeners.map((l) => l.rules))) {
      if (rules) refuseOwnSecrets('CreateRule', JSON.stringify({ Rules: rules }), credentials);
    }
    const count = loadBalancers.length;
    progress.start(say(language, count === 1 ? APPLY.readingOne : APPLY.readingMany, { count, file: label }));
    // What carries the plan out loads while the reads are out.
    const executing = flags.plan ? undefined : import('./execute.js');
    executing?.catch(() => {});
    const reported = await readState(session, { loadBalancers }, ctx, globals);
    progress.stop();
    const plan = buildPlan(file.listeners, reported, { prune: flags.prune === true, ...(file.prune ? { scope: file.prune } : {}) });
    // Forwarding rules of the entries that give `Rules:` (rules-plan.ts), carried out after the listeners.
    const keptRules: KeptRule[] = [];
    const rules = planRules(plan, file.listeners, reported, {
      prune: flags.prune === true,
      ...(file.prune ? { scope: file.prune } : {}),
      language,
      kept: keptRules,
    });
    // Targets: read and planned only when the file gives some (apply/targets.ts), carried out after the rules.
    const targets = file.listeners.some((l) => l.targets || l.ruleTargets?.length)
      ? await planTargetsOf(session, plan, reported, file, flags, ctx, globals)
      : undefined;
    const targetChanges = targets?.plan.changes.length ?? 0;

    if (flags.plan) {
      // Coloured only where stdout is a terminal that takes colour (not under NO_COLOR, --no-color or a pipe).
      const { colorEnabled, palette } = await import('../../../ui/color.js');
      const paint = await palette(colorEnabled(ctx.stdout, ctx.env, globals.color !== false));
      const view = withRulePlan(planView(plan, language, paint), rules, language, keptRules);
      await printResult(ctx, globals, targets ? targets.module.withTargetPlan(view, targets.plan, language) : view);
      if (plan.items.some((item) => item.action === 'conflict')) throw conflictError(plan);
      if (flags.detailedExitcode && (hasChanges(plan) || hasRuleChanges(rules) || targetChanges > 0)) {
        throw new ExitStatus(ExitCode.ChangesPending);
      }
      return;
    }
    if (plan.items.some((item) => item.action === 'conflict')) {
      for (const item of plan.items.filter((i) => i.action === 'conflict')) {
        if (!globals.quiet && globals.output !== 'json')
          ctx.stderr.write(
            `${say(language, APPLY.conflictLine, { where: String(item.where), reason: String(reasonOf(item, language)) })}\n`,
          );
      }
      throw conflictError(plan);
    }
    if (!hasChanges(plan) && !hasRuleChanges(rules) && targetChanges === 0) {
      const listeners = plan.items.length;
      progress.succeed(say(language, listeners === 1 ? APPLY.nothingOne : APPLY.nothingMany, { count: listeners }));
      await printResult(ctx, globals, withRuleOutcome(outcomeView(plan, new Map(), language), rules, new Map(), language));
      if (targets && healthMs !== undefined)
        await waitForHealth(session, targets, new Map(), { ctx, globals, progress, taskTimeoutMs }, healthMs);
      return;
    }
    await confirmDeletes(ctx, plan, flags);
    const { confirmRuleDeletes, runRuleChanges, ruleFailure } = await import('./rules-apply.js');
    await confirmRuleDeletes(ctx, rules, flags);
    if (targets) await targets.module.confirmDeregister(ctx, targets.plan, flags.yes);
    const filePath = flags.file;
    /** After the listeners: the rules, then the targets; the outcome; then what failed, and the health wait. */
    const rulesAndTargets = async (results: Map<PlanItem, ItemResult>, failed: readonly ItemResult[]): Promise<void> => {
      let ruleResults = new Map<RuleChange, RuleResult>();
      if (hasRuleChanges(rules) && !ctx.signal.aborted) {
        ruleResults = await runRuleChanges(session, rules, results, { ctx, globals, progress, timeoutMs: taskTimeoutMs });
      }
      const targetResults =
        targets && targetChanges > 0 && !ctx.signal.aborted
          ? await targets.module.executeTargets(targets.plan, results, {
              client: session.client,
              ctx,
              globals,
              progress,
              timeoutMs: taskTimeoutMs,
            })
          : undefined;
      await printOutcome(ctx, globals, plan, results, filePath, (view) => {
        const withRules = withRuleOutcome(view, rules, ruleResults, language);
        return targets && targetResults
          ? targets.module.withTargetOutcome(withRules, targets.plan, targetResults, results, language)
          : withRules;
      });
      if (ctx.signal.aborted) throw interruptedAfterApply();
      if (failed.length > 0) throw new ApplyFailedError([...failed], results);
      const ruleFailed = ruleFailure(rules, ruleResults, language);
      if (ruleFailed) throw ruleFailed;
      const targetFailed = targets && targetResults ? targets.module.targetFailure(targetResults, language) : undefined;
      if (targetFailed) throw targetFailed;
      if (targets && healthMs !== undefined)
        await waitForHealth(session, targets, results, { ctx, globals, progress, taskTimeoutMs }, healthMs);
    };
    if (!hasChanges(plan)) {
      await rulesAndTargets(new Map(), []);
      return;
    }

    const { execute } = await (executing ?? import('./execute.js'));
    const operations = operationsOf(plan);
    const summary = summarize(plan);
    const total = summary.create + summary.update + summary.delete;
    const requests = summary.requests.CreateListener + summary.requests.ModifyListener + summary.requests.DeleteLoadBalancerListeners;
    const started = ctx.now();
    progress.info(summaryLine(plan, language));
    progress.start(say(language, APPLY.applying, { total, requests, lbs: operations.size }));
    const results: Map<PlanItem, ItemResult> = await execute(operations, {
      client: session.client,
      signal: ctx.signal,
      taskTimeoutMs,
      reported,
      onEvent: progressHandler(progress, plan, total),
    });
    const failed = [...results.values()].filter((r) => r.status !== 'done');
    const elapsed = formatElapsed(ctx.now() - started);
    if (failed.length === 0) progress.succeed(say(language, total === 1 ? APPLY.appliedOne : APPLY.appliedMany, { count: total, elapsed }));
    else progress.fail(say(language, APPLY.notSucceeded, { failed: failed.length, total }));
    await rulesAndTargets(results, failed);
  } finally {
    progress.stop();
    await session.client.close();
  }
}

/** Ctrl-C once writes were under way: the summary printed says what was done. */
function interruptedAfterApply(): InterruptedError {
  return new InterruptedError(undefined, { message: message(APPLY.interruptedSummary) });
}

/**
 * The outcome, on stdout. Should stdout fail after writes were made (a full disk, a closed file),
 * the ids of the listeners created or changed still reach stderr, under exit 7 (accepted, not
 * reported): a script must not lose them, nor read the run as one that changed nothing.
 */
async function printOutcome(
  ctx: CliContext,
  globals: GlobalOptions,
  plan: Plan,
  results: Map<PlanItem, ItemResult>,
  file: string,
  /** Adds to the view what else was done (the forwarding rules, the targets). */
  extend: (view: ResultView) => ResultView = (view) => view,
): Promise<void> {
  try {
    await printResult(ctx, globals, extend(outcomeView(plan, results, ctx.language ?? 'en')));
  } catch (error) {
    const done = [...results.entries()].filter(([, result]) => result.status === 'done');
    if (done.length === 0) throw error;
    const ids = done.flatMap(([item, result]) => (item.action !== 'delete' && result.listenerId ? [result.listenerId] : []));
    const reason = error instanceof Error ? error.message : String(error);
    throw new AcceptedError(undefined, `apply made ${done.length} change${done.length === 1 ? '' : 's'}, but ${reason}`, {
      hint: message(COMMAND_TEXTS.applyPrintFailed, { command: suggestCommand(globals, 'apply', '-f', file, '--plan') }),
      cause: error,
      ...(ids.length ? { listenerIds: ids } : {}),
    });
  }
}

/** Some changes did not succeed; the summary (stdout) says which. */
class ApplyFailedError extends PartialFailureError {
  constructor(failed: ItemResult[], results: Map<unknown, ItemResult>) {
    const unknown = failed.filter((r) => r.status === 'unknown').length;
    const notTried = failed.filter((r) => r.status === 'not tried').length;
    const failedCount = failed.length - unknown - notTried;
    const done = [...results.values()].filter((r) => r.status === 'done').length;
    const firstFailed = failed.find((r) => r.detail);
    const first = firstFailed?.detailText
      ? { en: render('en', firstFailed.detailText), zh: render('zh', firstFailed.detailText) }
      : firstFailed?.detail;
    const params = { done, failed: failedCount, unknown, notTried };
    super(first ? message(APPLY.partialDetail, { ...params, detail: first }) : message(APPLY.partial, params), {
      hint: message(APPLY.partialHint),
    });
  }
}
