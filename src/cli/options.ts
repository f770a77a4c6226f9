/**
 * The commander options of `create`, one per flag the model describes (the field table's flags,
 * their short aliases, an explicit off form for every boolean and 0/1 switch, and the friendly
 * certificate flags). Values stay raw strings here; the model coerces and validates them, so
 * every message comes from one place.
 */
import { Option } from 'commander';
import { createFlagSpecs } from '../model/flags.js';
import type { Language } from '../core/i18n.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function createListenerOptions(language: Language = 'en'): Option[] {
  return createFlagSpecs(language).map((spec) => {
    const option = new Option(spec.value ? `${spec.long} ${spec.value}` : spec.long, spec.help).helpGroup(spec.heading);
    if (spec.list) option.argParser(collect);
    if (spec.hidden) option.hideHelp();
    return option;
  });
}
