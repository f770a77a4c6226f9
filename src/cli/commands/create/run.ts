/**
 * The body of `create`, loaded only when the command runs: build and validate the request, then
 * dry-run, or send it and follow the task (send.ts, loaded once the request is valid).
 */
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import type { CreateFlags } from '../../../model/flags.js';
import { buildCreateListenerRequest, type BuildOptions, type BuiltRequest } from '../../../model/request.js';
import { resolveValidate } from '../../../config/index.js';
import { registerStoredSecrets } from '../../../config/stored-secrets.js';
import { settingsInput } from '../../settings-input.js';
import { readDocument } from '../../../model/coerce.js';
import { createListenerSkeleton } from '../../../model/skeleton.js';
import { inputReader } from '../../read-input.js';
import type { Session } from '../../session.js';
import { CredentialsError, InterruptedError, UsageError } from '../../../core/errors.js';
import { createProgress } from '../../../ui/progress.js';
import { checkQueryOn, keyValueTable, printResult } from '../../../ui/output.js';
import { waitTimeoutMs } from '../../seconds.js';
import { resultView, sampleOutcome } from './result.js';
import { printableLine } from '../../../core/printable.js';
import { message, say } from '../../../core/i18n.js';
import { COMMAND_TEXTS } from '../command-texts.messages.js';
import { ERRORS } from '../../../core/errors.messages.js';
import { CREATE } from './create.messages.js';

/**
 * Where the request body comes from: --from-file, or tccli's --cli-input-json. Both take
 * `file://PATH` (tccli's only form; `~` expanded as tccli does), a plain path, or `-` for stdin.
 */
function bodyInput(flags: CreateFlags, ctx: CliContext): { path: string; flag: string } | undefined {
  if (flags.fromFile !== undefined && flags.cliInputJson !== undefined) {
    throw new UsageError(message(COMMAND_TEXTS.sameOption), '--cli-input-json');
  }
  const flag = flags.cliInputJson !== undefined ? '--cli-input-json' : '--from-file';
  const raw = flags.cliInputJson ?? flags.fromFile;
  if (raw === undefined) return undefined;
  let path = raw.startsWith('file://') ? raw.slice('file://'.length) : raw;
  if ((path === '~' || path.startsWith('~/')) && ctx.env.HOME) path = ctx.env.HOME + path.slice(1);
  if (path === '') throw new UsageError(message(COMMAND_TEXTS.noPathAfterFile, { flag, raw }), flag);
  return { path, flag };
}

/** Settings for the listings of `create -i`: short, so an unreachable API costs seconds, not minutes. */
const PICKING = {
  requestTimeoutMs: 5000,
  connectTimeoutMs: 3000,
  // A refusal for the rate limit clears within a second: three tries span that, a dead network one.
  retry: { maxAttempts: 3, maxConnectAttempts: 1, baseDelayMs: 500, maxDelayMs: 2000 },
};

/**
 * For `create -i`: a session whose account the questions can pick from, or a one-line note on why
 * there is none (no credentials or region: the ids are typed). The session is kept for sending.
 */
async function connectForPicking(globals: GlobalOptions, ctx: CliContext, keep: (session: Session) => void) {
  const [{ openSession }, { accountLookup }, { CLB_SERVICE, SSL_SERVICE }] = await Promise.all([
    import('../../session.js'),
    import('../../../ui/interactive/index.js'),
    import('../../../api/constants.js'),
  ]);
  let session: Session;
  try {
    session = await openSession(globals, ctx);
  } catch (error) {
    // Without credentials the request can still be built and printed: say so before the first
    // question, not after the last. Anything else that stops a session (no region, a bad
    // endpoint) would stop the dry run too: it is the error, before any question.
    if (error instanceof CredentialsError) {
      // Printing the request needs a region too (the endpoint and the signed headers depend on
      // it): without one, that is the error now, not after the last question.
      const { resolveRegion } = await import('../../../config/index.js');
      resolveRegion(settingsInput(globals, ctx));
      const why = error.message.split('\n')[0]!.replace(/ \(looked in: .*\)$/, '');
      return {
        note: `not listing from the account (${why}): type the ids; without credentials the request can only be printed, not sent`,
        cannotSend: true,
      };
    }
    throw error;
  }
  keep(session);
  const clb = session.client.forService(CLB_SERVICE, PICKING);
  const ssl = session.client.forService(SSL_SERVICE, PICKING);
  keep({ ...session, client: clb });
  keep({ ...session, client: ssl });
  return { account: accountLookup(clb, ssl, ctx.now, ctx.signal) };
}

async function buildRequest(
  given: CreateFlags,
  globals: GlobalOptions,
  ctx: CliContext,
  keep: (session: Session) => void,
): Promise<BuiltRequest & { printOnly?: boolean; rules?: string[] }> {
  const readText = inputReader(ctx, () => registerStoredSecrets(settingsInput(globals, ctx)));
  const input = bodyInput(given, ctx);
  // One spelling from here on (the equivalent command of -i says --from-file).
  const { cliInputJson: _, ...rest } = given;
  const flags: CreateFlags = input ? { ...rest, fromFile: input.path } : rest;
  const { validate } = resolveValidate(settingsInput(globals, ctx), flags.validate);
  const body = input ? await readDocument(input.path, input.flag, readText) : undefined;
  const bodySource = input?.path === '-' ? 'stdin' : input?.path;
  const options: BuildOptions = {
    readText,
    now: ctx.now(),
    validate,
    secrets: ctx.secrets,
    language: ctx.language ?? 'en',
    ...(body && bodySource ? { body, bodySource } : {}),
  };
  if (flags.interactive) {
    // Prompts fill in what the flags left out, then build through the same model.
    const { interactiveCreate } = await import('../../../ui/interactive/index.js');
    return interactiveCreate(flags, globals, ctx, options, () => connectForPicking(globals, ctx, keep));
  }
  return buildCreateListenerRequest(flags, options);
}

export async function runCreate(ctx: CliContext, globals: GlobalOptions, flags: CreateFlags): Promise<void> {
  if (flags.skeleton || flags.generateCliSkeleton !== undefined) {
    const skeleton = createListenerSkeleton();
    await printResult(ctx, globals, { json: skeleton, text: [JSON.stringify(skeleton, null, 2)], table: keyValueTable(skeleton) });
    return;
  }
  const timeoutMs = waitTimeoutMs(flags.waitTimeout, ctx.language ?? 'en');
  // Sessions opened while asking (create -i): the first one sends; all are closed at the end.
  const opened: Session[] = [];
  try {
    const built = await beforeSending(() => buildRequest(flags, globals, ctx, (session) => opened.push(session)));
    const { request } = built;
    // --rule, or the domains create -i asked for (SNI).
    const ruleSpecs = flags.rule ?? built.rules;
    const rules = ruleSpecs?.length
      ? await beforeSending(async () => {
          const { validate } = resolveValidate(settingsInput(globals, ctx), flags.validate);
          return (await import('./rules.js')).prepareRules({ ...flags, rule: ruleSpecs }, request, ctx, validate, {
            draft: built.draft,
            answered: flags.rule === undefined,
          });
        })
      : undefined;
    // --target (TCP, UDP, TCP_SSL, QUIC), and --wait-healthy for them or for the rules' Targets.
    const ruleTargets = rules?.ruleTargets?.some((t) => t !== undefined && t.length > 0) === true;
    const targets =
      flags.target?.length || flags.waitHealthy !== undefined
        ? await beforeSending(async () => {
            const { validate } = resolveValidate(settingsInput(globals, ctx), flags.validate);
            return (await import('./targets.js')).prepareTargets(flags, request, ctx, validate, ruleTargets);
          })
        : undefined;
    const warnings = [...built.warnings, ...(rules?.warnings ?? []), ...(targets?.warnings ?? [])];

    const printOnly = built.printOnly === true;
    if (flags.dryRun || printOnly) {
      const language = ctx.language ?? 'en';
      if (!globals.quiet)
        for (const warning of warnings) ctx.stderr.write(`${say(language, ERRORS.warningLine, { message: printableLine(warning) })}\n`);
      const { printDryRun } = await import('../../dry-run.js');
      const also = rules ? [(await import('./rules.js')).dryRunRules(request, rules, ctx)] : [];
      // Then RegisterTargets, 20 targets a call: on the listener, or on each rule that has Targets.
      const sets = [
        ...(targets?.targets.length ? [{ targets: targets.targets }] : []),
        ...(rules?.ruleTargets ?? []).flatMap((list) => (list?.length ? [{ LocationId: '', targets: list }] : [])),
      ];
      if (sets.length > 0) {
        const [{ dryRunTargets }, { say }, { TARGET_STEP_TEXT }] = await Promise.all([
          import('./targets.js'),
          import('../../../core/i18n.js'),
          import('../../target-text.js'),
        ]);
        const language = ctx.language ?? 'en';
        also.push(
          ...dryRunTargets(request, sets, {
            listener: say(language, TARGET_STEP_TEXT.dryRunListener),
            location: say(language, TARGET_STEP_TEXT.dryRunLocation),
          }),
        );
      }
      await printDryRun(ctx, globals, 'CreateListener', request, also);
      if (printOnly && !globals.quiet) {
        ctx.stderr.write(`${say(language, CREATE.toCreateIt)}\n`);
      }
      return;
    }

    // Whatever can fail on the result must fail now, while nothing has been sent.
    const sample = sampleOutcome(request, flags);
    if (rules) sample.rules = (await import('./rules.js')).sampleRules(['lbl-00000000'], rules);
    if (targets?.targets.length) sample.targets = (await import('./targets.js')).sampleTargets(['lbl-00000000'], targets);
    await checkQueryOn(globals, resultView(request, sample).json);
    const progress = await createProgress(ctx, globals);
    for (const warning of warnings) progress.warn(warning);
    // The network side is loaded only once the request is known to be valid.
    const [{ openSession }, { send }] = await Promise.all([import('../../session.js'), import('./send.js')]);
    if (opened.length === 0) opened.push(await beforeSending(() => openSession(globals, ctx)));
    // The keys that sign must not be in the body: refused before any request, the read included.
    const { refuseOwnSecrets } = await import('../../../api/own-secrets.js');
    const credentials = await beforeSending(() => opened[0]!.settings.credentials.get());
    refuseOwnSecrets('CreateListener', JSON.stringify(request), credentials);
    // The rules go out only after the listener exists: checked now, so a refusal leaves nothing half made.
    if (rules) refuseOwnSecrets('CreateRule', JSON.stringify({ Rules: rules.rules }), credentials);
    await send(opened[0]!, request, flags, {
      ctx,
      globals,
      progress,
      timeoutMs,
      ...(rules ? { rules } : {}),
      ...(targets ? { targets } : {}),
    });
  } finally {
    await Promise.all(opened.map((session) => session.client.close()));
  }
}

/** An interruption while reading input or credentials: nothing has been sent, and the error says so. */
async function beforeSending<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // A subclass (a cancelled prompt) already says it in its own words.
    const plain = Object.getPrototypeOf(error) === InterruptedError.prototype;
    if (plain && !(error as InterruptedError).notSent && !(error as InterruptedError).requestId) throw InterruptedError.beforeSending();
    throw error;
  }
}
