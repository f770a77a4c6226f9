/**
 * `clb-listener apply -f FILE`: listeners as code. The file lists CreateListener bodies; apply
 * makes the load balancers match (create, ModifyListener, and with --prune delete), and a second
 * run changes nothing. `--plan` shows what it would do, sending nothing but reads.
 */
import { Option, type Command } from 'commander';
import { say } from '../../../core/i18n.js';
import { TARGET_STEP_TEXT } from '../../target-text.js';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import type { ApplyFlags } from './run.js';

const EXAMPLES = `
The file (YAML or JSON; CreateListener's own field names; Port or Ports):
  # yaml-language-server: $schema=./listeners.schema.json
  listeners:
    - LoadBalancerId: lb-aaaa1111
      Port: 443
      Protocol: HTTPS
      ListenerName: web
      Certificate: { SSLMode: UNIDIRECTIONAL, CertId: abc123 }
    - LoadBalancerId: lb-aaaa1111
      Ports: [8001, 8002, 8003]
      Protocol: TCP
      HealthCheck: { HealthSwitch: 1, TimeOut: 2, IntervalTime: 5 }
  # optional: what --prune may delete (every criterion given must hold);
  # TKE-… and k8s-… listeners are kept unless a names glob starting so matches
  prune:
    names: ["web*"]
    ports: ["8000-8999"]

Examples:
  # what would change; nothing is sent but reads
  clb-listener apply -f listeners.yaml --plan
  # make it so; a second run changes nothing
  clb-listener apply -f listeners.yaml
  # also delete listeners the file does not list (inside its prune: scope)
  clb-listener apply -f listeners.yaml --prune --yes
  # start from what exists
  clb-listener export --lb lb-aaaa1111 > listeners.yaml
  # exit 0: nothing to do, 10: changes pending
  clb-listener apply -f listeners.yaml --plan --detailed-exitcode
  # for editors
  clb-listener apply --schema > listeners.schema.json

Exit codes: 0 converged; 1 a change failed or a conflict (nothing changed for
conflicts); 2 invalid file, nothing sent; 10 changes pending (--plan
--detailed-exitcode); 11 --wait-healthy ran out.
`;

export function registerApply(program: Command, ctx: CliContext): void {
  program
    .command('apply')
    .description('make load balancers have the listeners a file describes (create, update, and with --prune delete)')
    .addOption(new Option('-f, --file <path>', 'the listeners file, YAML or JSON ("-" = stdin)'))
    .option('--plan', 'show what would change, per listener; send nothing but reads')
    .option('--detailed-exitcode', 'with --plan: exit 0 when nothing would change, 10 when changes are pending')
    .option('--prune', 'also delete listeners on the named load balancers that the file does not describe, within its prune: scope')
    .option('-y, --yes', 'do not ask before deleting (needed for --prune without a terminal)')
    .option('--schema', "print the file's JSON Schema (for editors) and exit")
    // --validate first: then neither form sets a default, and CLB_LISTENER_VALIDATE or the profile decide.
    .addOption(
      new Option('--validate', 'check every entry against the API rules (the default; overrides CLB_LISTENER_VALIDATE and the profile)'),
    )
    .addOption(new Option('--no-validate', 'send what the file gives after type checks; rule violations become warnings'))
    .option('--wait-timeout <seconds>', 'give up waiting for one task after this long (default: 300)')
    .addOption(new Option('--wait-healthy [seconds]', say(ctx.language ?? 'en', TARGET_STEP_TEXT.waitHealthyOption)))
    .addHelpText('after', EXAMPLES)
    .action(async (flags: ApplyFlags, cmd: Command) => {
      const { runApply } = await import('./run.js');
      await runApply(ctx, cmd.optsWithGlobals<GlobalOptions>(), flags);
    });
}
