/**
 * `clb-listener create`: every CreateListener field as a flag (generated from the model), then
 * validate, sign, send, and wait for the task. stdout gets the ListenerIds; all else is stderr.
 */
import { Option, type Command } from 'commander';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { createListenerOptions } from '../../options.js';
import type { CreateFlags } from '../../../model/flags.js';
import { say } from '../../../core/i18n.js';
import { TARGET_STEP_TEXT } from '../../target-text.js';
import { RULE_TEXT } from '../../rule-text.js';

const EXAMPLES = `
Examples (the CreateListener API page's cases):
  # HTTPS with an existing certificate
  clb-listener create --lb lb-cuxw2rm0 --port 7572 --protocol HTTPS \\
    --cert-id MsJyaXVm
  # TCP with a health check
  clb-listener create --lb lb-cuxw2rm0 --port 7571 --protocol TCP \\
    --health-check \\
    HealthSwitch=1,TimeOut=5,IntervalTime=7,HealthNum=4,UnHealthNum=4
  # HTTPS uploading a new certificate (the key is read from a file, never argv)
  clb-listener create --lb lb-cuxw2rm0 --port 7573 --protocol HTTPS \\
    --cert-file server.crt --key-file server.key --cert-name my-cert
  # UDP with the default PING health check
  clb-listener create --lb lb-6wlxe9rj --port 432 --protocol UDP \\
    --name lis_test --health-check on
  # two TCP listeners at once, named by position
  clb-listener create --lb lb-cuxw2rm0 --port 7570,7569 --protocol TCP \\
    --name lis1,lis0
  # rescheduling
  clb-listener create --lb lb-fd9kpk4s --port 5689 --protocol tcp \\
    --reschedule-target-zero-weight --reschedule-unhealthy \\
    --reschedule-expand-target --reschedule-start-time 25 \\
    --reschedule-interval 50
  # TCP with two backends (weight 10 and 50), waiting until they are healthy
  clb-listener create --lb lb-cuxw2rm0 --port 7574 --protocol TCP \\
    --target ins-1a2b3c4d:8080 --target ins-5e6f7g8h:8080:50 \\
    --wait-healthy 120
  # HTTPS with SNI: two domains, each with its own certificate
  clb-listener create --lb lb-cuxw2rm0 --port 443 --protocol HTTPS \\
    --sni-switch 1 \\
    --rule 'Domain=www.example.com,Url=/,Certificate={"CertId":"MsJyaXVm"}' \\
    --rule 'Domain=api.example.com,Url=/,Certificate={"CertId":"Ecc0Cert"}'
  # safe to re-run (CI): listeners already there are kept, their ids printed
  clb-listener create --lb lb-cuxw2rm0 --port 80,443 --protocol TCP \\
    --if-not-exists
  # from a request body (JSON or YAML, API field names); flags beside it
  # override its fields
  clb-listener create --skeleton > req.json  # every field, example values
  $EDITOR req.json                           # keep what applies, fill it in
  clb-listener create --from-file req.json --port 8080
`;

export function registerCreate(program: Command, ctx: CliContext): void {
  const run = 'Input, waiting and output:';
  const command = program
    .command('create')
    .description('create one listener per port on a load balancer (CreateListener), and wait for it')
    .addHelpOption(new Option('-h, --help', 'show help').helpGroup(run))
    .addHelpText('after', EXAMPLES);
  for (const option of createListenerOptions()) command.addOption(option);
  command.addOption(
    new Option('--rule <spec>', say(ctx.language ?? 'en', RULE_TEXT.ruleOption))
      .helpGroup('Forwarding rules (HTTP/HTTPS):')
      .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
  );
  const targets = say(ctx.language ?? 'en', TARGET_STEP_TEXT.groupTargets);
  command
    .addOption(
      new Option('--target <spec>', say(ctx.language ?? 'en', TARGET_STEP_TEXT.targetOption))
        .helpGroup(targets)
        .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
    )
    .addOption(new Option('--wait-healthy [seconds]', say(ctx.language ?? 'en', TARGET_STEP_TEXT.waitHealthyOption)).helpGroup(targets));
  command
    .addOption(new Option('--from-file <path>', 'request body with API field names, JSON or YAML ("-" = stdin)').helpGroup(run))
    .addOption(new Option('--cli-input-json <file://path>', "same as --from-file (tccli's name; file://PATH, a path or -)").helpGroup(run))
    .addOption(new Option('--skeleton', 'print a request body with every field, for --from-file').helpGroup(run))
    .addOption(new Option('--generate-cli-skeleton [input]', "same as --skeleton (tccli's name)").choices(['input']).helpGroup(run))
    .addOption(new Option('--dry-run', 'validate and print the request that would be sent; send nothing').helpGroup(run))
    .addOption(new Option('-i, --interactive', 'ask for what the flags did not give (certificates walk-through)').helpGroup(run))
    // --validate first: then neither form sets a default, and CLB_LISTENER_VALIDATE or the profile decide.
    .addOption(
      new Option(
        '--validate',
        'check the request against the API rules (the default; overrides CLB_LISTENER_VALIDATE and the profile)',
      ).helpGroup(run),
    )
    .addOption(
      new Option(
        '--no-validate',
        'send what was given after type checks; rule violations become warnings (or CLB_LISTENER_VALIDATE=false)',
      ).helpGroup(run),
    )
    .addOption(
      new Option('--if-not-exists', 'keep listeners already on the ports (same protocol and name), create only the missing ones').helpGroup(
        run,
      ),
    )
    .addOption(new Option('--no-wait', 'return once the API accepts; follow later with clb-listener wait').helpGroup(run))
    .addOption(new Option('--wait-timeout <seconds>', 'give up waiting after this long, exit 5 (default: 300)').helpGroup(run))
    .action(async (flags: CreateFlags, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const { runCreate } = await import('./run.js');
      await runCreate(ctx, globals, flags);
    });
}
