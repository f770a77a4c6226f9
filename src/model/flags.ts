/**
 * The `create` flags as data, derived from the field table: their names, the attribute a parser
 * stores each under, whether it toggles or takes a value, and its help. The CLI turns these into
 * commander options; the equivalent command of interactive mode lists its flags in this order.
 * No parser is imported here.
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
import { helpFor, ruleBounds } from './rules.js';
import { type Language, say } from '../core/i18n.js';
import { FIELD_HELP_ZH, FIELD_WORDS } from './fields.messages.js';

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

const GROUP_TEXTS = {
  Required: FIELD_WORDS.groupRequired,
  Listener: FIELD_WORDS.groupListener,
  Certificate: FIELD_WORDS.groupCertificate,
  'Health check': FIELD_WORDS.groupHealthCheck,
  'Connection limits': FIELD_WORDS.groupConnectionLimits,
  Rescheduling: FIELD_WORDS.groupRescheduling,
} as const satisfies Record<HelpGroup, unknown>;

export const GROUP_HEADINGS: Record<HelpGroup, string> = Object.fromEntries(
  Object.entries(GROUP_TEXTS).map(([group, text]) => [group, text.en]),
) as Record<HelpGroup, string>;

/** A field's help (API path, or `--flag` for a certificate flag) in `language`; English from the field table. */
export function fieldHelp(key: string, english: string, language: Language): string {
  return language === 'en' ? english : (FIELD_HELP_ZH[key] ?? english);
}

/** The bounds --help shows beside a field (`2–60`), in `language`. */
function limitsFor(field: string, language: Language): string | undefined {
  if (language === 'en') return helpFor(field);
  const bounds = ruleBounds(field);
  if (!bounds) return helpFor(field);
  const { kind, min, max, also = [] } = bounds;
  if (kind === 'length') {
    return min
      ? say(language, FIELD_WORDS.charactersBetween, { min, max: max! })
      : say(language, FIELD_WORDS.charactersAtMost, { max: max! });
  }
  const range =
    max === undefined
      ? say(language, FIELD_WORDS.limitAtLeast, { min: min! })
      : min === undefined
        ? say(language, FIELD_WORDS.limitAtMost, { max })
        : say(language, FIELD_WORDS.limitBetween, { min, max });
  return also.length ? say(language, FIELD_WORDS.limitAlso, { also: also.join(' | '), range }) : range;
}

/** The attribute a parser stores a flag's value under, e.g. `load-balancer-id` → `loadBalancerId`. */
export function attributeOf(flag: string): string {
  return flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function describe(spec: TopLevelField, language: Language): string {
  const limits = limitsFor(spec.api, language);
  const help = fieldHelp(spec.api, spec.help, language);
  const parts = [limits ? say(language, FIELD_WORDS.withLimits, { help, limits }) : help];
  if (spec.kind === 'enum') parts.push(`(${spec.values!.join(' | ')})`);
  if (spec.aliases?.length) parts.push(say(language, FIELD_WORDS.alias, { names: spec.aliases.map((a) => `--${a}`).join(', ') }));
  return parts.join(' ');
}

function flagsFor(spec: TopLevelField, language: Language): FlagSpec[] {
  const heading = say(language, GROUP_TEXTS[spec.group]);
  const list = spec.kind === 'integer-list' || spec.kind === 'string-list';
  const toggles = spec.kind === 'boolean' || spec.kind === 'switch';
  const value = toggles ? (spec.kind === 'switch' ? '[0|1]' : '[true|false]') : `<${spec.valueName ?? 'value'}>`;
  const out: FlagSpec[] = [
    { long: `--${spec.flag}`, attribute: attributeOf(spec.flag), value, list, help: describe(spec, language), heading },
  ];
  if (toggles) {
    const off = spec.kind === 'switch' ? '0' : 'false';
    const help = say(language, FIELD_WORDS.sendOff, { field: spec.api, value: off });
    out.push({ long: `--no-${spec.flag}`, attribute: attributeOf(spec.flag), negate: true, help, heading });
  }
  for (const alias of flagNames(spec).slice(1)) {
    out.push({ long: `--${alias}`, attribute: attributeOf(alias), value: `<${spec.valueName ?? 'value'}>`, list, hidden: true, heading });
  }
  return out;
}

/** Help shows the groups in the order of GROUP_HEADINGS; within a group, the API's field order. */
const GROUP_ORDER = Object.keys(GROUP_HEADINGS) as HelpGroup[];

/** Every field flag of `create`, in help order. */
export function createFlagSpecs(language: Language = 'en'): FlagSpec[] {
  const specs: FlagSpec[] = [];
  for (const group of GROUP_ORDER) {
    specs.push(...CREATE_LISTENER_FIELDS.filter((spec) => spec.group === group).flatMap((spec) => flagsFor(spec, language)));
    if (group === 'Certificate') {
      for (const cert of CERTIFICATE_FLAGS) {
        specs.push({
          long: `--${cert.flag}`,
          attribute: attributeOf(cert.flag),
          value: `<${cert.valueName}>`,
          help: fieldHelp(`--${cert.flag}`, cert.help, language),
          heading: say(language, GROUP_TEXTS.Certificate),
        });
      }
    }
  }
  return specs;
}
