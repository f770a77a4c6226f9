/** The body of `target add`, loaded only when it runs. */
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { UsageError } from '../../../core/errors.js';
import { say, type Language } from '../../../core/i18n.js';
import { checkListenerIds, checkLoadBalancerId } from '../../../model/ids.js';
import { LAYER4_PROTOCOLS, targetKey, targetLabel } from '../../../model/target-fields.js';
import { readTargetFlags } from '../../../model/target-input.js';
import { createProgress } from '../../../ui/progress.js';
import { printResult } from '../../../ui/output.js';
import { waitTimeoutMs } from '../../seconds.js';
import { TARGET_COMMAND_TEXT as T, TARGET_STEP_TEXT as S } from '../../target-text.js';

export interface TargetAddFlags {
  lb: string;
  listenerId: string;
  locationId?: string;
  domain?: string;
  url?: string;
  target?: string[];
  waitHealthy?: string | boolean;
  waitTimeout?: string;
}

export async function runTargetAdd(ctx: CliContext, globals: GlobalOptions, flags: TargetAddFlags): Promise<void> {
  const language: Language = ctx.language ?? 'en';
  const warn = (warning: string) => void (!globals.quiet && ctx.stderr.write(`warning: ${warning}\n`));
  const lb = checkLoadBalancerId(flags.lb, '--lb');
  if (lb.warning) warn(lb.warning);
  const listener = checkListenerIds(flags.listenerId, '--listener-id', 1);
  for (const warning of listener.warnings) warn(warning);
  const listenerId = listener.ids[0]!;
  if (!flags.target?.length) throw new UsageError(say(language, T.needTarget), '--target');
  const step = await import('../../targets-step.js');
  const healthMs = step.healthTimeoutMs(flags.waitHealthy, '--wait-healthy', language);
  const timeoutMs = waitTimeoutMs(flags.waitTimeout);
  const { targets, warnings } = readTargetFlags(flags.target, { language });
  for (const warning of warnings) warn(warning);

  const [{ openSession }, { describeListeners }, { addHint }] = await Promise.all([
    import('../../session.js'),
    import('../../../api/clb.js'),
    import('../../api-hints.js'),
  ]);
  const session = await openSession(globals, ctx);
  const progress = await createProgress(ctx, globals);
  try {
    const found = await describeListeners(
      session.client,
      { LoadBalancerId: lb.value, ListenerIds: [listenerId] },
      { signal: ctx.signal },
    ).catch(async (error: unknown) => {
      throw await addHint(error, { globals, loadBalancerId: lb.value });
    });
    const it = found.Listeners?.find((l) => l.ListenerId === listenerId);
    if (!it) throw new UsageError(say(language, T.noListener, { listener: listenerId, lb: lb.value }), '--listener-id');
    const protocol = it.Protocol.toUpperCase();
    const layer4 = (LAYER4_PROTOCOLS as readonly string[]).includes(protocol);
    const byRule = flags.locationId !== undefined || flags.domain !== undefined || flags.url !== undefined;
    if (layer4 && byRule)
      throw new UsageError(say(language, T.noRuleOnLayer4, { protocol }), flags.locationId ? '--location-id' : '--domain');
    if (!layer4 && flags.locationId === undefined && (flags.domain === undefined || flags.url === undefined)) {
      throw new UsageError(say(language, T.needRule, { protocol }), '--location-id');
    }
    const listenerLabel = say(language, S.placeListener, { listener: listenerId, protocol, port: it.Port });
    const rule =
      flags.locationId !== undefined ? { LocationId: flags.locationId } : layer4 ? {} : { Domain: flags.domain!, Url: flags.url! };
    const place = {
      LoadBalancerId: lb.value,
      ListenerId: listenerId,
      ...rule,
      label: layer4
        ? listenerLabel
        : say(language, S.placeRule, { listener: listenerLabel, rule: flags.locationId ?? `${flags.domain}${flags.url}` }),
    };
    const bound = (await step.readBound(session.client, lb.value, [listenerId], ctx.signal)).get(step.placeKey(place)) ?? [];
    const missing = targets.filter((t) => !bound.some((b) => targetKey(b) === targetKey(t)));
    for (const t of targets) {
      const there = bound.find((b) => targetKey(b) === targetKey(t));
      if (there && t.Weight !== undefined && there.Weight !== t.Weight) {
        progress.warn(say(language, S.boundOtherWeight, { target: targetLabel(t), place: place.label, weight: there.Weight }));
      }
    }
    const run = { client: session.client, ctx, globals, progress, timeoutMs };
    if (missing.length > 0) {
      await step.registerInChunks(run, place, missing);
      progress.succeed(say(language, S.bound, { count: missing.length, place: place.label }));
    } else progress.succeed(say(language, S.alreadyBound, { place: place.label }));
    if (healthMs !== undefined) await step.waitHealthy(run, [{ ...place, targets }], healthMs);
    const shown = targets.map((t) => ({
      ...(t.InstanceId ? { InstanceId: t.InstanceId } : {}),
      ...(t.EniIp ? { EniIp: t.EniIp } : {}),
      Port: t.Port,
      Weight: bound.find((b) => targetKey(b) === targetKey(t))?.Weight ?? t.Weight ?? 10,
      Action: missing.includes(t) ? 'registered' : 'existing',
    }));
    await printResult(ctx, globals, {
      json: { LoadBalancerId: lb.value, ListenerId: listenerId, ...rule, Registered: missing.length, Targets: shown },
      text: shown.map((t) => `${targetKey(t)}\t${t.Weight}\t${t.Action}`),
      table: [
        [say(language, T.headTarget), say(language, T.headPort), say(language, T.headWeight), say(language, T.headAction)],
        ...shown.map((t) => [t.InstanceId ?? t.EniIp ?? '', String(t.Port), String(t.Weight), t.Action]),
      ],
    });
  } finally {
    progress.stop();
    await session.client.close();
  }
}
