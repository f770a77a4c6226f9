/**
 * The body of `apply`, loaded only when it runs: read and validate the file (nothing is sent for
 * an invalid file), read every named load balancer's listeners, plan, then show the plan or carry
 * it out with progress, and print the outcome (docs/apply.md).
 */
import { dirname, resolve } from 'node:path';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { AcceptedError, ConflictError, ExitStatus, InterruptedError, PartialFailureError, UsageError } from '../../../core/errors.js';
import { readDocument } from '../../../model/coerce.js';
import { readListenerFile, type ListenerFile } from '../../../model/listener-file.js';
import type { ReportedListener } from '../../../model/compare.js';
import type { PortHolder } from '../../../model/ports.js';
import { inputReader } from '../../read-input.js';
import { waitTimeoutMs } from '../../follow-task.js';
import { ExitCode } from '../../exit-codes.js';
import { suggestCommand } from '../../command-line.js';
import { createProgress, formatElapsed, MARK, type Progress } from '../../../ui/progress.js';
import { keyValueTable, printResult, type ResultView } from '../../../ui/output.js';
import { buildPlan, hasChanges, operationsOf, summarize, type Plan, type PlanItem, type ReportedByLb } from './plan.js';
import { outcomeView, planView, summaryLine } from './render.js';
import type { ExecutionEvent, ItemResult } from './execute.js';
import { hasRuleChanges, planRules, type RuleChange } from './rules-plan.js';
import { withRuleOutcome, withRulePlan } from './rules-render.js';
import type { RuleResult } from './rules-execute.js';
import type { Session } from '../../session.js';
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
async function loadFile(ctx: CliContext, path: string, validate: boolean): Promise<{ file: ListenerFile; label: string }> {
  const label = path === '-' ? 'stdin' : path;
  const document = await readDocument(path, '--file', inputReader(ctx));
  const base = path === '-' ? ctx.cwd : dirname(resolve(ctx.cwd, path));
  const readText = inputReader({ ...ctx, cwd: base });
  const file = await readListenerFile(document, label, { readText, now: ctx.now(), validate, language: ctx.language ?? 'en' });
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
  return { module, plan: module.planTargets(plan, file.listeners, bound, { prune: flags.prune === true }) };
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
  const list = deletes.map((d) => `${d.listenerId} (${d.protocol} ${d.port}${d.name ? ` "${d.name}"` : ''} on ${d.loadBalancerId})`);
  const { canPrompt } = await import('../../../ui/terminal.js');
  if (!canPrompt(ctx)) {
    throw new UsageError(
      `--prune would delete ${deletes.length} listener${deletes.length === 1 ? '' : 's'}: ${list.join(', ')}; nothing was sent`,
      '--prune',
      {
        hint: `add --yes to delete ${deletes.length === 1 ? 'it' : 'them'}, or run with --plan to review`,
      },
    );
  }
  const { createAsker } = await import('../../../ui/interactive/asker.js');
  const asker = await createAsker(ctx);
  ctx.stdout.write(`Listeners the file does not describe:\n${list.map((l) => `  - ${l}`).join('\n')}\n`);
  const yes = await asker.confirm({ message: `Delete ${deletes.length} listener${deletes.length === 1 ? '' : 's'}?`, default: false });
  if (!yes) {
    throw InterruptedError.beforeSending('cancelled');
  }
}

function conflictError(plan: Plan): ConflictError {
  const conflicts = plan.items.filter((item) => item.action === 'conflict');
  const first = conflicts[0]!;
  const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more conflict${conflicts.length === 2 ? '' : 's'})` : '';
  return new ConflictError(`${first.where}: ${first.reason}${more}; nothing was changed`, {
    hint: 'clb-listener apply --plan lists every conflict; nothing is deleted or re-created implicitly',
  });
}

/** Progress while writing: a counter at a terminal, and one line per load balancer when it is done. */
function progressHandler(progress: Progress, plan: Plan, total: number): (event: ExecutionEvent) => void {
  let done = 0;
  let finishedLbs = 0;
  const lbs = new Set(plan.items.filter((i) => ['create', 'update', 'delete'].includes(i.action)).map((i) => i.loadBalancerId)).size;
  const counts = new Map<string, Record<string, number>>();
  const failures = new Map<string, string>();
  return (event) => {
    if (event.type === 'end') {
      done += event.operation.items.length;
      const tally = counts.get(event.loadBalancerId) ?? {};
      if (event.status === 'done') {
        const verb = event.operation.kind === 'create' ? 'created' : event.operation.kind === 'modify' ? 'updated' : 'deleted';
        tally[verb] = (tally[verb] ?? 0) + event.operation.items.length;
      } else failures.set(event.loadBalancerId, `${event.status}: ${event.detail ?? ''}`);
      counts.set(event.loadBalancerId, tally);
      progress.update(`Applying: ${done}/${total} changes, ${finishedLbs}/${lbs} load balancers done`);
    } else if (event.type === 'done') {
      finishedLbs++;
      const tally = Object.entries(counts.get(event.loadBalancerId) ?? {})
        .map(([verb, n]) => `${n} ${verb}`)
        .join(', ');
      const failure = failures.get(event.loadBalancerId);
      const line = `${event.loadBalancerId}: ${tally || 'nothing changed'} in ${formatElapsed(event.elapsedMs)}${failure ? `; stopped, ${failure}` : ''}`;
      progress.info(`${failure ? MARK.failed : MARK.done} ${line}`);
      progress.update(`Applying: ${done}/${total} changes, ${finishedLbs}/${lbs} load balancers done`);
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
  if (!flags.file)
    throw new UsageError('-f/--file is required: the listeners file (YAML or JSON)', '--file', { hint: "see 'clb-listener apply --help'" });
  if (flags.detailedExitcode && !flags.plan) throw new UsageError('--detailed-exitcode goes with --plan', '--detailed-exitcode');
  const taskTimeoutMs = waitTimeoutMs(flags.waitTimeout);
  const { resolveValidate } = await import('../../../config/index.js');
  const { settingsInput } = await import('../../settings-input.js');
  const { validate } = resolveValidate(settingsInput(globals, ctx), flags.validate);
  const { file, label } = await loadFile(ctx, flags.file, validate);
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
  for (const warning of file.warnings) progress.warn(warning);

  const loadBalancers = [...new Set(file.listeners.map((l) => l.request.LoadBalancerId))];
  const { openSession } = await import('../../session.js');
  const session = await openSession(globals, ctx, { connections: Math.min(MAX_CONNECTIONS, loadBalancers.length) });
  try {
    progress.start(`Reading the listeners of ${loadBalancers.length} load balancer${loadBalancers.length === 1 ? '' : 's'} (${label})`);
    // What carries the plan out loads while the reads are out.
    const executing = flags.plan ? undefined : import('./execute.js');
    executing?.catch(() => {});
    const reported = await readState(session, { loadBalancers }, ctx, globals);
    progress.stop();
    const plan = buildPlan(file.listeners, reported, { prune: flags.prune === true, ...(file.prune ? { scope: file.prune } : {}) });
    // Forwarding rules of the entries that give `Rules:` (rules-plan.ts), carried out after the listeners.
    const rules = planRules(plan, file.listeners, reported, { prune: flags.prune === true });
    // Targets: read and planned only when the file gives some (apply/targets.ts), carried out after the rules.
    const targets = file.listeners.some((l) => l.targets || l.ruleTargets?.length)
      ? await planTargetsOf(session, plan, file, flags, ctx, globals)
      : undefined;
    const language = ctx.language ?? 'en';
    const targetChanges = targets?.plan.changes.length ?? 0;

    if (flags.plan) {
      const view = withRulePlan(planView(plan), rules, language);
      await printResult(ctx, globals, targets ? targets.module.withTargetPlan(view, targets.plan, language) : view);
      if (plan.items.some((item) => item.action === 'conflict')) throw conflictError(plan);
      if (flags.detailedExitcode && (hasChanges(plan) || hasRuleChanges(rules) || targetChanges > 0)) {
        throw new ExitStatus(ExitCode.ChangesPending);
      }
      return;
    }
    if (plan.items.some((item) => item.action === 'conflict')) {
      for (const item of plan.items.filter((i) => i.action === 'conflict')) {
        if (!globals.quiet && globals.output !== 'json') ctx.stderr.write(`conflict: ${item.where}: ${item.reason}\n`);
      }
      throw conflictError(plan);
    }
    if (!hasChanges(plan) && !hasRuleChanges(rules) && targetChanges === 0) {
      progress.succeed(`Nothing to change: ${plan.items.length} listener${plan.items.length === 1 ? '' : 's'} as described`);
      await printResult(ctx, globals, withRuleOutcome(outcomeView(plan, new Map()), rules, new Map(), language));
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
      if (ctx.signal.aborted) {
        const interrupted = new InterruptedError();
        interrupted.message = 'interrupted; the summary says what was done, what was not tried, and what is unknown';
        throw interrupted;
      }
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
    progress.info(summaryLine(plan));
    progress.start(
      `Applying ${total} change${total === 1 ? '' : 's'} (${requests} request${requests === 1 ? '' : 's'}) to ${operations.size} load balancer${operations.size === 1 ? '' : 's'}`,
    );
    const results: Map<PlanItem, ItemResult> = await execute(operations, {
      client: session.client,
      signal: ctx.signal,
      taskTimeoutMs,
      reported,
      onEvent: progressHandler(progress, plan, total),
    });
    const failed = [...results.values()].filter((r) => r.status !== 'done');
    if (failed.length === 0) progress.succeed(`Applied ${total} change${total === 1 ? '' : 's'} in ${formatElapsed(ctx.now() - started)}`);
    else progress.fail(`${failed.length} of ${total} change${total === 1 ? '' : 's'} did not succeed`);
    await rulesAndTargets(results, failed);
  } finally {
    progress.stop();
    await session.client.close();
  }
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
    await printResult(ctx, globals, extend(outcomeView(plan, results)));
  } catch (error) {
    const done = [...results.entries()].filter(([, result]) => result.status === 'done');
    if (done.length === 0) throw error;
    const ids = done.flatMap(([item, result]) => (item.action !== 'delete' && result.listenerId ? [result.listenerId] : []));
    const reason = error instanceof Error ? error.message : String(error);
    throw new AcceptedError(undefined, `apply made ${done.length} change${done.length === 1 ? '' : 's'}, but ${reason}`, {
      hint: `what was done stays done; ${suggestCommand(globals, 'apply', '-f', file, '--plan')} shows where things stand`,
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
    const first = failed.find((r) => r.detail)?.detail;
    super(
      `${done} change${done === 1 ? '' : 's'} made, ${failedCount} failed, ${unknown} with an unknown outcome, ${notTried} not tried${first ? `: ${first}` : ''}`,
      { hint: 'the summary lists each listener; run apply again to retry what is left (what was done stays done)' },
    );
  }
}
