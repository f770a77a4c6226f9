/**
 * The `create` flags as data, derived from the field table: their names, the attribute a parser
 * stores each under, whether it toggles or takes a value, and its help. The CLI turns these into
 * commander options; the interactive mode turns answers back into the same flags for the
 * equivalent command. No parser is imported here.
 */
import {
  CERTIFICATE_FLAGS,
  CREATE_LISTENER_FIELDS,
  flagNames,
  type HelpGroup,
  type TopLevelField,
  type TOP_LEVEL_FIELD_TABLE,
  type CERTIFICATE_FLAG_NAMES,
} from './fields.js';
import { helpFor } from './rules.js';

// ---- the flags' TypeScript types, derived from the field table --------------------------------

type TableEntry = TOP_LEVEL_FIELD_TABLE[number];

/** What a parser stores for a flag of this kind: list flags collect, toggles may be bare (`true`) or `--no-` (`false`). */
type FlagValue<S> = S extends { kind: 'integer-list' | 'string-list' }
  ? string[]
  : S extends { kind: 'boolean' | 'switch' }
    ? string | boolean
    : string;

/** `LoadBalancerId` → `loadBalancerId`: the attribute of its kebab-case flag (no field name starts with an acronym). */
type FieldFlagsOf<E> = { [S in E & TableEntry as Uncapitalize<S['api']>]?: FlagValue<S> };
type AliasFlagsOf<E> = {
  [S in E & TableEntry as S extends { aliases: readonly (infer A extends string)[] } ? A : never]?: FlagValue<S>;
};
type CertificateFlagsOf = { [F in CERTIFICATE_FLAG_NAMES as CamelCase<F>]?: string };
type CamelCase<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;

/** Every field flag of `create` with the type its parser gives it: `{ port?: string[]; sniSwitch?: string | boolean; … }`. */
export type CreateFieldFlags = FieldFlagsOf<TableEntry> & AliasFlagsOf<TableEntry> & CertificateFlagsOf;

/** The run options of `create`, beside the field flags. */
export type CreateFlags = CreateFieldFlags & {
  fromFile?: string;
  /** tccli's spelling of --from-file: `file://PATH`. */
  cliInputJson?: string;
  /** tccli's spelling of --skeleton (`true`, or its only value `input`). */
  generateCliSkeleton?: string | boolean;
  wait: boolean;
  waitTimeout?: string;
  skeleton?: boolean;
  dryRun?: boolean;
  interactive?: boolean;
  /** `--no-validate` stores false. */
  validate?: boolean;
  /** Keep listeners already on the requested ports (same protocol and name); create the rest. */
  ifNotExists?: boolean;
  /** `--rule`, repeatable: forwarding rules to create on the new listener (rule-input.ts). */
  rule?: string[];
  /** `--target`, repeatable: targets to bind to the new listeners (target-input.ts). */
  target?: string[];
  /** `--wait-healthy [seconds]`: wait for the targets' health after binding. */
  waitHealthy?: string | boolean;
};

export interface FlagSpec {
  /** `--load-balancer-id`, `--no-snat-enable`. */
  long: string;
  /** The attribute the value is stored under: `loadBalancerId`; a `--no-` flag shares its positive's. */
  attribute: string;
  /** `<id>`, `[0|1]`; absent for a `--no-` flag. */
  value?: string;
  /** A `--no-` flag: stores false. */
  negate?: boolean;
  /** Repeatable: every occurrence is kept. */
  list?: boolean;
  help?: string;
  /** Kept out of help (short aliases). */
  hidden?: boolean;
  heading: string;
}

export const GROUP_HEADINGS: Record<HelpGroup, string> = {
  Required: 'Required:',
  Listener: 'Listener:',
  Certificate: 'Certificate:',
  'Health check': 'Health check:',
  'Connection limits': 'Connection limits:',
  Rescheduling: 'Rescheduling (TCP/UDP):',
};

/** The attribute a parser stores a flag's value under, e.g. `load-balancer-id` → `loadBalancerId`. */
export function attributeOf(flag: string): string {
  return flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function describe(spec: TopLevelField): string {
  const limits = helpFor(spec.api);
  const parts = [limits ? `${spec.help} [${limits}]` : spec.help];
  if (spec.kind === 'enum') parts.push(`(${spec.values!.join(' | ')})`);
  if (spec.aliases?.length) parts.push(`[alias: ${spec.aliases.map((a) => `--${a}`).join(', ')}]`);
  return parts.join(' ');
}

function flagsFor(spec: TopLevelField): FlagSpec[] {
  const heading = GROUP_HEADINGS[spec.group];
  const list = spec.kind === 'integer-list' || spec.kind === 'string-list';
  const toggles = spec.kind === 'boolean' || spec.kind === 'switch';
  const value = toggles ? (spec.kind === 'switch' ? '[0|1]' : '[true|false]') : `<${spec.valueName ?? 'value'}>`;
  const out: FlagSpec[] = [{ long: `--${spec.flag}`, attribute: attributeOf(spec.flag), value, list, help: describe(spec), heading }];
  if (toggles) {
    const off = spec.kind === 'switch' ? '0' : 'false';
    out.push({ long: `--no-${spec.flag}`, attribute: attributeOf(spec.flag), negate: true, help: `send ${spec.api}=${off}`, heading });
  }
  for (const alias of flagNames(spec).slice(1)) {
    out.push({ long: `--${alias}`, attribute: attributeOf(alias), value: `<${spec.valueName ?? 'value'}>`, list, hidden: true, heading });
  }
  return out;
}

/** Help shows the groups in the order of GROUP_HEADINGS; within a group, the API's field order. */
const GROUP_ORDER = Object.keys(GROUP_HEADINGS) as HelpGroup[];

/** Every field flag of `create`, in help order. */
export function createFlagSpecs(): FlagSpec[] {
  const specs: FlagSpec[] = [];
  for (const group of GROUP_ORDER) {
    specs.push(...CREATE_LISTENER_FIELDS.filter((spec) => spec.group === group).flatMap(flagsFor));
    if (group === 'Certificate') {
      for (const cert of CERTIFICATE_FLAGS) {
        specs.push({
          long: `--${cert.flag}`,
          attribute: attributeOf(cert.flag),
          value: `<${cert.valueName}>`,
          help: cert.help,
          heading: GROUP_HEADINGS.Certificate,
        });
      }
    }
  }
  return specs;
}
