/** `create --skeleton`: every field of the request with an example value, straight from the tables. */
import { CREATE_LISTENER_FIELDS, NESTED_FIELDS, type FieldSpec } from './fields.js';

function exampleOf(spec: FieldSpec): unknown {
  if (spec.kind === 'object' && spec.nested && spec.api !== 'MultiCertInfo' && spec.api !== 'CertList') {
    return Object.fromEntries(NESTED_FIELDS[spec.nested].map((nested) => [nested.api, exampleOf(nested)]));
  }
  return spec.example;
}

export function createListenerSkeleton(): Record<string, unknown> {
  return Object.fromEntries(CREATE_LISTENER_FIELDS.map((spec) => [spec.api, exampleOf(spec)]));
}
