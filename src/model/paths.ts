/**
 * Field paths: how a rule points at a value (`['HealthCheck', 'TimeOut']`,
 * `['MultiCertInfo', 'CertList', 1, 'CertId']`), written the API's way (`HealthCheck.TimeOut`,
 * `MultiCertInfo.CertList[1].CertId`), and read from a request.
 */
export type Path = readonly (string | number)[];

/** `HealthCheck.TimeOut`, `MultiCertInfo.CertList[1].CertId`, `Ports[0]`. */
export function pathText(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out;
}

/** The inverse of pathText: `MultiCertInfo.CertList[1].CertId` → ['MultiCertInfo', 'CertList', 1, 'CertId']. */
export function parsePath(text: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(part[2] !== undefined ? Number(part[2]) : part[1]!);
  return out;
}

export function valueAt(root: unknown, path: Path): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (!value || typeof value !== 'object') return undefined;
    value = Object.hasOwn(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;
  }
  return value;
}

/** Whether `path` is `prefix` or lies under it. */
export function isUnder(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => path[i] === key);
}

export function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && isUnder(a, b);
}

/**
 * Every value a pattern names, with its concrete path: `MultiCertInfo.CertList[].CertId` visits
 * each entry of the list. Absent values are skipped.
 */
export function valuesAt(root: unknown, pattern: string): { path: (string | number)[]; value: unknown }[] {
  let found: { path: (string | number)[]; value: unknown }[] = [{ path: [], value: root }];
  for (const part of pattern.split('.')) {
    const each = part.endsWith('[]');
    const key = each ? part.slice(0, -2) : part;
    const next: typeof found = [];
    for (const { path, value } of found) {
      const child = valueAt(value, [key]);
      if (child === undefined) continue;
      if (!each) next.push({ path: [...path, key], value: child });
      else if (Array.isArray(child)) for (const [i, item] of child.entries()) next.push({ path: [...path, key, i], value: item });
    }
    found = next;
  }
  return found;
}
