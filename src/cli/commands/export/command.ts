/**
 * `clb-listener export --lb ID`: prints an apply file describing what exists, so a load balancer
 * made by hand or by another tool can be managed with `apply` (docs/apply.md, "export").
 */
import type { Command } from 'commander';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import type { ExportFlags } from './run.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

const EXAMPLES = `
Examples:
  # every listener of a load balancer, as an apply file (YAML)
  clb-listener export --lb lb-aaaa1111 > listeners.yaml
  # applying it right away changes nothing (exit 0)
  clb-listener apply -f listeners.yaml --plan --detailed-exitcode
  # two load balancers, TCP listeners only, as JSON
  clb-listener export --lb lb-aaaa1111 --lb lb-bbbb2222 --protocol TCP -o json

Values equal to the API's defaults are left out, certificates are named by
CertId, and no secret is printed. Fields DescribeListeners does not report are
left out, with a comment saying so.
`;

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('print an apply file describing the listeners that exist (YAML, or JSON with -o json)')
    .requiredOption('--lb <id>', 'CLB instance id (lb-xxxxxxxx); repeat for several', collect)
    .option('--port <port>', 'only the listener on this port')
    .option('--protocol <protocol>', 'only listeners of this protocol')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: ExportFlags, cmd: Command) => {
      const { runExport } = await import('./run.js');
      await runExport(ctx, cmd.optsWithGlobals<GlobalOptions>(), flags);
    });
}
