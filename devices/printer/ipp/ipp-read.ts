/**
 * Typed, validating readers over a decoded message: a value is only returned if it has the
 * syntax the attribute is defined with (RFC 8011), so nothing from the network is trusted
 * just because it has the right name.
 */
import { ValueTag, type IppAttribute, type IppGroup, type IppMessage } from './ipp-types';

/** Finds the first group with the given delimiter tag. */
export function findGroup(m: IppMessage, tag: number): IppGroup | undefined {
  return m.groups.find((g) => g.tag === tag);
}

/** Finds an attribute by name in a group (first match). */
export function findAttr(g: IppGroup | undefined, name: string): IppAttribute | undefined {
  return g?.attributes.find((a) => a.name === name);
}

/** The single integer (or enum, if `asEnum`) value of an attribute, or undefined if absent or of another syntax. */
export function readInteger(g: IppGroup | undefined, name: string, asEnum = false): number | undefined {
  const a = findAttr(g, name);
  const v = a?.values[0];
  if (!a || a.values.length !== 1 || v?.kind !== 'integer') return undefined;
  if (v.tag !== (asEnum ? ValueTag.enum : ValueTag.integer)) return undefined;
  return v.value;
}

/** The single boolean value of an attribute, or undefined. */
export function readBoolean(g: IppGroup | undefined, name: string): boolean | undefined {
  const a = findAttr(g, name);
  const v = a?.values[0];
  return a && a.values.length === 1 && v?.kind === 'boolean' ? v.value : undefined;
}

/** All keyword values of an attribute; undefined if absent or if any value is not a keyword. */
export function readKeywords(g: IppGroup | undefined, name: string): string[] | undefined {
  const a = findAttr(g, name);
  if (!a) return undefined;
  const out: string[] = [];
  for (const v of a.values) {
    if (v.kind !== 'string' || v.tag !== ValueTag.keyword) return undefined;
    out.push(v.value);
  }
  return out;
}

/** The single value of a string-like attribute (any string tag, with or without language), or undefined. */
export function readString(g: IppGroup | undefined, name: string): string | undefined {
  const a = findAttr(g, name);
  const v = a?.values[0];
  if (!a || a.values.length !== 1 || !v) return undefined;
  if (v.kind === 'string' || v.kind === 'stringWithLanguage') return v.value;
  return undefined;
}

/** All values of a string-like attribute, or undefined if absent or of another syntax. */
export function readStrings(g: IppGroup | undefined, name: string): string[] | undefined {
  const a = findAttr(g, name);
  if (!a) return undefined;
  const out: string[] = [];
  for (const v of a.values) {
    if (v.kind !== 'string' && v.kind !== 'stringWithLanguage') return undefined;
    out.push(v.value);
  }
  return out;
}
