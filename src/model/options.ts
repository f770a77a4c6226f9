/**
 * The commander options of `create`, generated from the field tables: one per API field (its
 * kebab-case name, plus short aliases), an explicit off form for every boolean and 0/1 switch,
 * and the friendly certificate flags. Values stay raw strings here; the model coerces and
 * validates them, so every message comes from one place.
 */
import { Option } from 'commander';
import { CERTIFICATE_FLAGS, CREATE_LISTENER_FIELDS, type HelpGroup, type TopLevelField } from './fields.js';

const GROUP_HEADINGS: Record<HelpGroup, string> = {
  Required: 'Required:',
  Listener: 'Listener:',
  Certificate: 'Certificate:',
  'Health check': 'Health check:',
  'Connection limits': 'Connection limits:',
  Rescheduling: 'Rescheduling (TCP/UDP):',
};

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

function describe(spec: TopLevelField): string {
  const parts = [spec.help];
  if (spec.kind === 'enum') parts.push(`(${spec.values!.join(' | ')})`);
  if (spec.aliases?.length) parts.push(`[alias: ${spec.aliases.map((a) => `--${a}`).join(', ')}]`);
  return parts.join(' ');
}

/** The attribute commander stores an option's value under, e.g. `load-balancer-id` → `loadBalancerId`. */
export function attributeOf(flag: string): string {
  return flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function optionsFor(spec: TopLevelField): Option[] {
  const heading = GROUP_HEADINGS[spec.group];
  const isList = spec.kind === 'integer-list' || spec.kind === 'string-list';
  const toggles = spec.kind === 'boolean' || spec.kind === 'switch';
  const valuePart = toggles ? (spec.kind === 'switch' ? '[0|1]' : '[true|false]') : `<${spec.valueName ?? 'value'}>`;
  const main = new Option(`--${spec.flag} ${valuePart}`, describe(spec)).helpGroup(heading);
  if (isList) main.argParser(collect);
  const options = [main];
  if (toggles)
    options.push(new Option(`--no-${spec.flag}`, `send ${spec.api}=${spec.kind === 'switch' ? '0' : 'false'}`).helpGroup(heading));
  for (const alias of spec.aliases ?? []) {
    const aliasOption = new Option(`--${alias} <${spec.valueName ?? 'value'}>`).hideHelp();
    if (isList) aliasOption.argParser(collect);
    options.push(aliasOption);
  }
  return options;
}

/** Help shows the groups in the order of GROUP_HEADINGS; within a group, the API's field order. */
const GROUP_ORDER = Object.keys(GROUP_HEADINGS) as HelpGroup[];

export function createListenerOptions(): Option[] {
  const options: Option[] = [];
  for (const group of GROUP_ORDER) {
    options.push(...CREATE_LISTENER_FIELDS.filter((spec) => spec.group === group).flatMap(optionsFor));
    if (group === 'Certificate') {
      for (const cert of CERTIFICATE_FLAGS) {
        options.push(new Option(`--${cert.flag} <${cert.valueName}>`, cert.help).helpGroup(GROUP_HEADINGS.Certificate));
      }
    }
  }
  return options;
}
