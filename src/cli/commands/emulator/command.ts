/**
 * `clb-listener emulator`: a local stand-in for the CLB API on loopback, for tests, the demo and
 * CI. Prints one JSON line with the endpoint and the keys it accepts, then serves until SIGINT or
 * SIGTERM. The keys it prints are throwaway, which is why this is the one command that takes a
 * secret key as a flag.
 */
import type { Command } from 'commander';
import { UsageError } from '../../../core/errors.js';
import { ENV } from '../../../core/env-names.js';
import { shellQuote } from '../../../core/shell-quote.js';
import { helpWidth, paragraph, twoColumns } from '../../help-text.js';
import { CONTROL_CATALOG, DEFAULT_REGION, SERVICE_CATALOG } from '../../../emulator/catalog.js';
import { splitList } from '../../../model/coerce.js';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { message, say, type Language, type Params, type Text } from '../../../core/i18n.js';
import { HELP } from '../../help.messages.js';
import { USAGE_TEXTS } from '../../../core/usage-texts.js';
import { TARGET_TEXT } from '../../target-text.js';
import { EMULATOR } from './emulator.messages.js';

interface EmulatorFlags {
  host: string;
  port: string;
  secretId?: string;
  secretKey?: string;
  token?: string;
  loadBalancers?: string;
  taskDelay?: string;
  rateLimit?: string;
  listenerQuota?: string;
  state?: string;
  certificates?: string;
  log?: boolean;
  region?: string;
  acceptSdkForms?: boolean;
  instances?: string;
  targetHealthDelay?: string;
}

/** The services, their actions and the control surface, from the one list the emulator serves. */
function servedHelp(width: number, language: Language): string {
  const services = twoColumns(
    SERVICE_CATALOG.map((s) => [`${s.name} ${s.version}`, `${s.title}: ${s.actions.join(', ')} (${s.note})`] as const),
    width,
  );
  const routes = twoColumns(
    CONTROL_CATALOG.map((c) => [`${c.methods.join('|')} /__emulator/${c.path}`, 'body' in c ? `${c.does}: ${c.body}` : c.does] as const),
    width,
  );
  return [
    paragraph(say(language, EMULATOR.actions), width),
    services,
    '',
    paragraph(say(language, EMULATOR.controlSurface), width),
    routes,
  ].join('\n');
}

function help(width: number, language: Language): string {
  const p = (text: string) => paragraph(text, width);
  const region = { variable: ENV.region, region: DEFAULT_REGION };
  return `
${say(language, EMULATOR.printsLine)}
  {"endpoint":…,"secretId":…,"secretKey":…,"region":…,"loadBalancers":[…]}
${p(say(language, USAGE_TEXTS.emulatorTerminalNote))}

${p(say(language, EMULATOR.regionServed, region))}

${servedHelp(width, language)}

${p(say(language, EMULATOR.sdkForms))}

${p(say(language, EMULATOR.seededCertificates))}

${p(say(language, EMULATOR.nodeSdk))}
  new CommonClient('clb.tencentcloudapi.com', '2018-03-17', {
    credential: { secretId: info.secretId, secretKey: info.secretKey },
    region: info.region,
    profile: {
      httpProfile: {
        endpoint: new URL(info.endpoint).host,
        protocol: 'http://',
      },
    },
  })

${say(language, HELP.examples)}
  clb-listener emulator --port 9400 --load-balancers lb-aaaa1111,lb-bbbb2222
  clb-listener emulator --task-delay 200 --log > emulator.json &
`;
}

function nonNegativeInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(message(EMULATOR.nonNegative, { flag, value }), flag);
  return Number(value);
}

async function waitForStop(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      signal.removeEventListener('abort', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    signal.addEventListener('abort', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * For a person at a terminal (stdout keeps its one JSON line for scripts): the settings to paste
 * into another shell, a command to try, and how to stop.
 */
function terminalNote(
  running: { endpoint: string; secretId: string; secretKey: string; token?: string; region: string; loadBalancers: readonly string[] },
  regionSource: string,
  language: Language,
): string {
  const lines = [
    '',
    say(language, EMULATOR.serving, { region: running.region, source: regionSource, endpoint: running.endpoint }),
    `  export ${ENV.secretId}=${shellQuote(running.secretId)}`,
    `  export ${ENV.secretKey}=${shellQuote(running.secretKey)}`,
    ...(running.token !== undefined ? [`  export ${ENV.tokens[0]}=${shellQuote(running.token)}`] : []),
    `  export ${ENV.region}=${shellQuote(running.region)}`,
    `  export ${ENV.endpoint}=${shellQuote(running.endpoint)}`,
    `  clb-listener create --lb ${running.loadBalancers[0] ?? 'lb-…'} --port 8080 --protocol TCP`,
    say(language, EMULATOR.ctrlC),
  ];
  return `${lines.join('\n')}\n`;
}

async function runEmulator(flags: EmulatorFlags, globals: GlobalOptions, ctx: CliContext): Promise<void> {
  const { startEmulator, EmulatorConfigError } = await import('../../../emulator/index.js');
  const { resolve } = await import('node:path');
  // The region the user's commands will send, so that they work against the emulator unchanged.
  const { resolveRegionIfGiven } = await import('../../../config/index.js');
  const { settingsInput } = await import('../../settings-input.js');
  const region =
    flags.region !== undefined ? { region: flags.region, source: '--region' } : resolveRegionIfGiven(settingsInput(globals, ctx));
  const options = {
    host: flags.host,
    port: nonNegativeInteger(flags.port, '--port'),
    ...(flags.secretId !== undefined && { secretId: flags.secretId }),
    ...(flags.secretKey !== undefined && { secretKey: flags.secretKey }),
    ...(flags.token !== undefined && { token: flags.token }),
    ...(region !== undefined && { region: region.region }),
    ...(flags.loadBalancers !== undefined && { loadBalancers: splitList(flags.loadBalancers) }),
    taskDelayMs: nonNegativeInteger(flags.taskDelay, '--task-delay'),
    rateLimit: nonNegativeInteger(flags.rateLimit, '--rate-limit'),
    listenerQuota: nonNegativeInteger(flags.listenerQuota, '--listener-quota'),
    ...(flags.instances !== undefined && { instances: splitList(flags.instances) }),
    targetHealthDelayMs: nonNegativeInteger(flags.targetHealthDelay, '--target-health-delay'),
    ...(flags.state !== undefined && { stateFile: resolve(ctx.cwd, flags.state) }),
    ...(flags.certificates !== undefined && { certificatesFile: resolve(ctx.cwd, flags.certificates) }),
    ...(flags.acceptSdkForms && { acceptSdkForms: true }),
    ...(flags.log && {
      onRequest: (e: { at: number; action: string; code: string | null; requestId: string; fault?: string; identity?: string }) =>
        void ctx.stderr.write(
          `${new Date(e.at).toISOString()} ${e.action || '-'} ${e.code ?? 'OK'} ${e.requestId}${e.fault ? ` fault=${e.fault}` : ''}${e.identity ? ` as ${e.identity}` : ''}\n`,
        ),
    }),
  };

  let running: Awaited<ReturnType<typeof startEmulator>>;
  try {
    running = await startEmulator(options);
  } catch (error) {
    if (error instanceof EmulatorConfigError) throw new UsageError(error.message, error.flag);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES')
      throw new UsageError(message(EMULATOR.cannotListen, { address: `${flags.host}:${flags.port}`, code }), '--port');
    throw error;
  }

  const { endpoint, secretId, secretKey, token, loadBalancers } = running;
  // The handshake: one JSON line with -o text and -o json (scripts read it line by line); --query picks a field.
  const handshake = { endpoint, secretId, secretKey, ...(token !== undefined && { token }), region: running.region, loadBalancers };
  const { keyValueTable, printResult } = await import('../../../ui/output.js');
  await printResult(ctx, globals, { json: handshake, text: [JSON.stringify(handshake)], table: keyValueTable(handshake), jsonLine: true });
  if (ctx.stdout.isTTY === true && globals.quiet !== true) {
    const language = ctx.language ?? 'en';
    ctx.stderr.write(terminalNote(running, region?.source ?? say(language, EMULATOR.theDefault), language));
  }
  try {
    await waitForStop(ctx.signal);
  } finally {
    await running.close();
  }
}

export function registerEmulator(program: Command, ctx: CliContext): void {
  const language = ctx.language ?? 'en';
  const option = (text: Text, params?: Params) => say(language, text, params);
  program
    .command('emulator')
    .description(say(language, HELP.emulator))
    .option('--host <address>', option(EMULATOR.host), '127.0.0.1')
    .option('--port <n>', option(EMULATOR.port), '0')
    .option('--secret-id <id>', option(EMULATOR.secretId))
    .option('--secret-key <key>', option(EMULATOR.secretKey))
    .option('--token <token>', option(EMULATOR.token))
    .option('--region <region>', option(EMULATOR.region, { variable: ENV.region, region: DEFAULT_REGION }))
    .option('--load-balancers <ids>', option(EMULATOR.loadBalancers))
    .option('--task-delay <ms>', option(EMULATOR.taskDelay))
    .option('--rate-limit <n>', option(EMULATOR.rateLimit))
    .option('--listener-quota <n>', option(EMULATOR.listenerQuota))
    .option('--instances <ids>', say(language, TARGET_TEXT.emulatorInstances))
    .option('--target-health-delay <ms>', say(language, TARGET_TEXT.emulatorHealthDelay))
    .option('--state <file>', option(EMULATOR.state))
    .option('--certificates <file>', option(EMULATOR.certificates))
    .option('--log', option(EMULATOR.log), false)
    .option('--accept-sdk-forms', option(EMULATOR.acceptSdkForms), false)
    .addHelpText('after', () => help(helpWidth(ctx.stdout), language))
    .action(async (flags: EmulatorFlags, cmd: Command) => {
      // --region is also a global option, and commander gives it to the root command.
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const region = globals.region;
      await runEmulator({ ...flags, ...(region !== undefined && { region }) }, globals, ctx);
    });
}
