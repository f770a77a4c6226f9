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
import { say, type Language } from '../../../core/i18n.js';
import { HELP } from '../../help.messages.js';
import { USAGE_TEXTS } from '../../../core/usage-texts.js';
import { TARGET_TEXT } from '../../target-text.js';

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
function servedHelp(width: number): string {
  const services = twoColumns(
    SERVICE_CATALOG.map((s) => [`${s.name} ${s.version}`, `${s.title}: ${s.actions.join(', ')} (${s.note})`] as const),
    width,
  );
  const routes = twoColumns(
    CONTROL_CATALOG.map((c) => [`${c.methods.join('|')} /__emulator/${c.path}`, 'body' in c ? `${c.does}: ${c.body}` : c.does] as const),
    width,
  );
  return [
    paragraph('Actions (TC3-HMAC-SHA256 signed), every service on the one endpoint, told apart by X-TC-Version:', width),
    services,
    '',
    paragraph('Control surface for tests, on the same port, with no signature, never counted as API requests:', width),
    routes,
  ].join('\n');
}

function help(width: number, language: Language): string {
  const p = (text: string) => paragraph(text, width);
  return `
Prints one JSON line on stdout, then serves until SIGINT/SIGTERM (exit 0):
  {"endpoint":…,"secretId":…,"secretKey":…,"region":…,"loadBalancers":[…]}
${p(say(language, USAGE_TEXTS.emulatorTerminalNote))}

${p(`The region served is the one commands would send: --region, then $${ENV.region}, then the profile's, else ${DEFAULT_REGION}. Requests for another region get InvalidParameter.RegionNotFound.`)}

${servedHelp(width)}

${p("With --accept-sdk-forms it also takes GET, HmacSHA1/HmacSHA256 (v1) signatures and the TC3 unsigned payload, as the official SDKs can send them. Point every service's endpoint (--endpoint) at the emulator.")}

${p('Certificates: four are seeded (EmuRsa01 and EmuEcc01 for www.example.com, EmuOld01 expired, EmuCa001 a client CA); --certificates FILE adds more from a JSON array of DescribeCertificates items (CertificateId and Domain required; CertificateType SVR|CA, EncryptAlgorithm, CertBeginTime, CertEndTime "YYYY-MM-DD HH:mm:ss" UTC+8, Alias, SubjectAltName optional).')}

${p('The official Node SDK (tencentcloud-sdk-nodejs-common), with the printed line in `info`:')}
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

Examples:
  clb-listener emulator --port 9400 --load-balancers lb-aaaa1111,lb-bbbb2222
  clb-listener emulator --task-delay 200 --log > emulator.json &
`;
}

function nonNegativeInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${flag} must be a non-negative integer, got "${value}"`, flag);
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
): string {
  const lines = [
    '',
    `Serving region ${running.region} (from ${regionSource}) on ${running.endpoint}. In another shell:`,
    `  export ${ENV.secretId}=${shellQuote(running.secretId)}`,
    `  export ${ENV.secretKey}=${shellQuote(running.secretKey)}`,
    ...(running.token !== undefined ? [`  export ${ENV.tokens[0]}=${shellQuote(running.token)}`] : []),
    `  export ${ENV.region}=${shellQuote(running.region)}`,
    `  export ${ENV.endpoint}=${shellQuote(running.endpoint)}`,
    `  clb-listener create --lb ${running.loadBalancers[0] ?? 'lb-…'} --port 8080 --protocol TCP`,
    'Ctrl-C to stop.',
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
      throw new UsageError(`cannot listen on ${flags.host}:${flags.port} (${code})`, '--port');
    throw error;
  }

  const { endpoint, secretId, secretKey, token, loadBalancers } = running;
  // The handshake: one JSON line with -o text and -o json (scripts read it line by line); --query picks a field.
  const handshake = { endpoint, secretId, secretKey, ...(token !== undefined && { token }), region: running.region, loadBalancers };
  const { keyValueTable, printResult } = await import('../../../ui/output.js');
  await printResult(ctx, globals, { json: handshake, text: [JSON.stringify(handshake)], table: keyValueTable(handshake), jsonLine: true });
  if (ctx.stdout.isTTY === true && globals.quiet !== true) {
    ctx.stderr.write(terminalNote(running, region?.source ?? 'the default'));
  }
  try {
    await waitForStop(ctx.signal);
  } finally {
    await running.close();
  }
}

export function registerEmulator(program: Command, ctx: CliContext): void {
  program
    .command('emulator')
    .description(say(ctx.language ?? 'en', HELP.emulator))
    .option('--host <address>', 'loopback address to listen on (127.0.0.0/8, ::1, localhost)', '127.0.0.1')
    .option('--port <n>', 'port to listen on; 0 picks a free one', '0')
    .option('--secret-id <id>', 'SecretId to accept (default: random AKID…)')
    .option('--secret-key <key>', 'SecretKey to accept (default: random; these are throwaway test keys)')
    .option('--token <token>', 'require this X-TC-Token, like temporary credentials')
    .option('--region <region>', `region served (default: $${ENV.region}, then the profile's, else ${DEFAULT_REGION})`)
    .option('--load-balancers <ids>', 'comma-separated load balancer ids to seed (default: lb-emu00001,lb-emu00002,lb-emu00003)')
    .option('--task-delay <ms>', 'how long tasks stay in progress (default: 1000)')
    .option('--rate-limit <n>', 'requests per action per second (default: 20)')
    .option('--listener-quota <n>', 'listeners per load balancer (default: 50)')
    .option('--instances <ids>', say(ctx.language ?? 'en', TARGET_TEXT.emulatorInstances))
    .option('--target-health-delay <ms>', say(ctx.language ?? 'en', TARGET_TEXT.emulatorHealthDelay))
    .option('--state <file>', 'load load balancers and listeners from this JSON file, save them on every change')
    .option('--certificates <file>', 'more certificates for DescribeCertificates (JSON array), beside the seeded ones')
    .option('--log', 'one line per API request on stderr', false)
    .option('--accept-sdk-forms', 'also accept GET, HmacSHA1/HmacSHA256 (v1) signatures and the TC3 unsigned payload', false)
    .addHelpText('after', () => help(helpWidth(ctx.stdout), ctx.language ?? 'en'))
    .action(async (flags: EmulatorFlags, cmd: Command) => {
      // --region is also a global option, and commander gives it to the root command.
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const region = globals.region;
      await runEmulator({ ...flags, ...(region !== undefined && { region }) }, globals, ctx);
    });
}
