/**
 * Deterministic JSON: the bytes a signature or hash is computed over.
 *
 * Rules: object keys sorted by UTF-16 code units (as JSON Canonicalization, RFC 8785, does),
 * every string (keys and values) in Unicode NFC, no whitespace, `undefined` members omitted,
 * numbers only as safe integers (certificate content has no fractions; refusing floats avoids
 * the float-formatting differences between languages). Anything else is a typed error.
 *
 * NFC applies to the canonical form only: the printed names keep their original code points.
 */

/** Thrown for a value JSON canonicalization cannot represent deterministically. */
export class CanonicalJsonError extends Error {
  readonly code = 'canonical-json-unsupported' as const;
  constructor(
    /** Where in the value the problem is, e.g. `$.members[0].age`. */
    readonly path: string,
    what: string,
  ) {
    super(`cannot canonicalize ${what} at ${path}`);
    this.name = 'CanonicalJsonError';
  }
}

function encode(value: unknown, path: string, out: string[]): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isSafeInteger(value)) throw new CanonicalJsonError(path, 'a non-integer number');
      out.push(Object.is(value, -0) ? '0' : String(value));
      return;
    case 'string':
      out.push(JSON.stringify(value.normalize('NFC')));
      return;
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(path, `a ${typeof value}`);
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((v, i) => {
      if (i > 0) out.push(',');
      encode(v === undefined ? null : v, `${path}[${i}]`, out);
    });
    out.push(']');
    return;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new CanonicalJsonError(path, 'a non-plain object');
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k.normalize('NFC'), v] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  out.push('{');
  entries.forEach(([k, v], i) => {
    if (i > 0 && entries[i - 1]?.[0] === k) throw new CanonicalJsonError(path, 'keys equal after NFC');
    if (i > 0) out.push(',');
    out.push(JSON.stringify(k), ':');
    encode(v, `${path}.${k}`, out);
  });
  out.push('}');
}

/** The canonical JSON text of `value` (see the module comment for the rules). */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  encode(value, '$', out);
  return out.join('');
}

/** The canonical JSON of `value` as UTF-8 bytes. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}
