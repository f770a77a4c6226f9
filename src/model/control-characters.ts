/**
 * Control characters in CreateListener's strings, for the rule `strings.control-characters` in
 * the rule table (rules.ts). Line breaks (CR, LF) and tabs are allowed only in PEM fields, where
 * they are part of the format. Private keys are never quoted back, only the position.
 */
import { escapeControl } from '../core/printable.js';
import { holdsPrivateKey } from './certificates.js';
import { CREATE_LISTENER_FIELDS, NESTED_FIELDS, type FieldSpec } from './fields.js';
import type { Path } from './paths.js';
import { message, type Message } from '../core/i18n.js';
import { CONTROL_CHARACTERS } from './control-characters.messages.js';

/** C0 controls, DEL and C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, less the line breaks and tab that PEM text is made of. */
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export interface ControlCharacterProblem {
  path: Path;
  message: Message;
}

function describe(value: string, index: number, spec: FieldSpec | undefined): Message {
  const at = { character: escapeControl(value[index]!), position: index + 1 };
  if (spec?.secret || holdsPrivateKey(value)) return message(CONTROL_CHARACTERS.secretHolds, at);
  const shown = escapeControl(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return message(CONTROL_CHARACTERS.valueHolds, { value: shown, ...at });
}

/** Every known string field of the request that holds a control character. Unknown fields are another rule's. */
export function controlCharacterProblems(request: Record<string, unknown>): ControlCharacterProblem[] {
  const out: ControlCharacterProblem[] = [];
  const stack: { value: unknown; path: (string | number)[]; specs: readonly FieldSpec[] | undefined; spec?: FieldSpec }[] = [
    { value: request, path: [], specs: CREATE_LISTENER_FIELDS },
  ];
  while (stack.length) {
    const { value, path, specs, spec } = stack.pop()!;
    if (typeof value === 'string') {
      const index = value.search(spec?.pem ? CONTROL_BUT_LINES : CONTROL);
      if (index >= 0) out.push({ path, message: describe(value, index, spec) });
    } else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) stack.push({ value: item, path: [...path, i], specs, ...(spec ? { spec } : {}) });
    } else if (value && typeof value === 'object' && specs) {
      for (const [key, item] of Object.entries(value)) {
        const child = specs.find((s) => s.api === key);
        if (!child) continue;
        stack.push({ value: item, path: [...path, key], specs: child.nested ? NESTED_FIELDS[child.nested] : undefined, spec: child });
      }
    }
  }
  return out.reverse();
}
