/**
 * The staff texts of a self-test code: what was found (`selfTestResult.<code>`) and what to do
 * (`selfTestFix.<code>`, or the alert advice of the same code: a printer out of paper has one fix,
 * whether an alert or the self-test found it). Pure, so `npm run selftest` prints the same texts.
 */
import { alertAdvice, type AlertLookup } from './alert-text';

export function selfTestFix(code: string, lookup: AlertLookup): string | undefined {
  return lookup(`selfTestFix.${code}`) ?? alertAdvice(code, lookup);
}

export function selfTestResult(code: string, lookup: AlertLookup): string {
  return lookup(`selfTestResult.${code}`) ?? code;
}

/** A lookup in one language's staff texts as plain JSON (the CLI and tests, outside i18next). */
export function lookupIn(texts: unknown): AlertLookup {
  return (key) => {
    let node: unknown = texts;
    for (const part of key.split('.')) {
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node === 'string' ? node : undefined;
  };
}
