/**
 * `clb-listener rule create|modify|delete|list`: the forwarding rules of one HTTP/HTTPS listener,
 * named by id (--listener-id) or by its port (--port) on a load balancer (--lb).
 */
import { type Command, Option } from 'commander';
import type { CliContext, GlobalOptions } from '../../../core/context.js';
import { say } from '../../../core/i18n.js';
import { RULE_TEXT as T } from '../../rule-text.js';
import type { RuleFlags } from './shared.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

const EXAMPLES = `
Examples:
  # two domains, each with its certificate, on an SNI listener
  clb-listener rule create --lb lb-cuxw2rm0 --port 443 \\
    --rule 'Domain=www.example.com,Url=/,Certificate={"CertId":"MsJyaXVm"}' \\
    --rule 'Domain=api.example.com,Url=/,Certificate={"CertId":"Ecc0Cert"}'
  # a new certificate for a domain (every rule of the domain)
  clb-listener rule modify --lb lb-cuxw2rm0 --port 443 \\
    --rule 'Domain=www.example.com,Certificate={"CertId":"NewCert1"}'
  # a rule's health check
  clb-listener rule modify --lb lb-cuxw2rm0 --port 443 \\
    --rule 'Domain=www.example.com,Url=/,HealthCheck={"HttpCheckPath":"/healthz"}'
  clb-listener rule list --lb lb-cuxw2rm0 --port 443 -o table
  clb-listener rule delete --lb lb-cuxw2rm0 --port 443 \\
    --domain api.example.com --url /
`;

export function registerRule(program: Command, ctx: CliContext): void {
  const t = (text: (typeof T)[keyof typeof T]) => say(ctx.language ?? 'en', text);
  const group = program.command('rule').description(t(T.ruleCommand)).addHelpText('after', EXAMPLES);
  const target = (command: Command): Command =>
    command.requiredOption('--lb <id>', t(T.optLb)).option('--listener-id <id>', t(T.optListenerId)).option('--port <port>', t(T.optPort));
  const waiting = (command: Command): Command =>
    command.option('--dry-run', t(T.optDryRun)).option('--wait-timeout <duration>', t(T.optWaitTimeout));
  const run =
    (verb: 'create' | 'modify' | 'delete' | 'list') =>
    async (flags: RuleFlags, cmd: Command): Promise<void> => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const { runRule } = await import('./run.js');
      await runRule(verb, ctx, globals, flags);
    };

  waiting(target(group.command('create').description(t(T.ruleCreate))))
    .addOption(new Option('--rule <spec>', t(T.optRuleCreate)).argParser(collect))
    .option('--if-not-exists', t(T.optIfNotExists))
    .action(run('create'));
  waiting(target(group.command('modify').description(t(T.ruleModify))))
    .addOption(new Option('--rule <spec>', t(T.optRuleModify)).argParser(collect))
    .action(run('modify'));
  waiting(target(group.command('delete').description(t(T.ruleDelete))))
    .addOption(new Option('--location-id <id>', t(T.optLocationId)).argParser(collect))
    .option('--domain <domain>', t(T.optDomain))
    .option('--url <url>', t(T.optUrl))
    .option('--new-default-domain <domain>', t(T.optNewDefault))
    .option('--if-exists', t(T.optIfExists))
    .action(run('delete'));
  target(group.command('list').description(t(T.ruleList))).action(run('list'));
}
