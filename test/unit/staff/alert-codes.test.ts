/**
 * Every staff alert code the main side can raise has a staff text in Japanese and English.
 *
 * The main side is read as TypeScript: each `alertStaff({...})` / `*.raise({...})` call's `code`
 * is followed through string literals, `a ? 'x' : 'y'`, a local `const`, `RECOVERY_ALERTS.<name>`
 * and template literals (a dynamic code: its fixed head must be one of the renderer's patterns), and
 * calls of a main-side function whose body is one `return` (e.g. staff/printer-alert.ts).
 * An expression the scan cannot follow fails the test, so a new way of naming codes is seen.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { RECOVERY_ALERTS } from '../../../main/certificates/recover-certificate-sales';
import { ALERT_PATTERNS, alertAdvice, alertText, type AlertLookup } from '../../../renderer/screens/staff/alert-text';
import en from '../../../renderer/i18n/locales/en/staff.json';
import ja from '../../../renderer/i18n/locales/ja/staff.json';

const root = join(__dirname, '..', '..', '..');

interface Found {
  /** Exact codes, or the fixed head of a template literal (`dynamic`). */
  codes: { code: string; dynamic: boolean; where: string }[];
  unresolved: string[];
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Functions of the main side whose body is a single `return <expr>`: a code built there is followed into it. */
function codeHelpers(): Map<string, ts.Expression> {
  const helpers = new Map<string, ts.Expression>();
  for (const file of tsFiles(join(root, 'main'))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const st of sf.statements) {
      const only = ts.isFunctionDeclaration(st) && st.name && st.body?.statements.length === 1 ? st.body.statements[0] : undefined;
      if (ts.isFunctionDeclaration(st) && st.name && only && ts.isReturnStatement(only) && only.expression) helpers.set(st.name.text, only.expression);
    }
  }
  return helpers;
}

function scan(): Found {
  const found: Found = { codes: [], unresolved: [] };
  const helpers = codeHelpers();
  for (const file of tsFiles(join(root, 'main'))) {
    const text = readFileSync(file, 'utf8');
    if (!/alertStaff\(|\.raise\(/.test(text)) continue;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node) => `${relative(root, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const consts = new Map<string, ts.Expression>();
    const collect = (n: ts.Node): void => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) consts.set(n.name.text, n.initializer);
      ts.forEachChild(n, collect);
    };
    collect(sf);
    const resolve = (e: ts.Expression, at: ts.Node): void => {
      if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) found.codes.push({ code: e.text, dynamic: false, where: where(at) });
      else if (ts.isTemplateExpression(e)) found.codes.push({ code: e.head.text, dynamic: true, where: where(at) });
      else if (ts.isConditionalExpression(e)) {
        resolve(e.whenTrue, at);
        resolve(e.whenFalse, at);
      } else if (ts.isParenthesizedExpression(e)) resolve(e.expression, at);
      else if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'slice')
        resolve(e.expression.expression, at);
      else if (ts.isPropertyAccessExpression(e) && e.expression.getText() === 'RECOVERY_ALERTS') {
        const code = (RECOVERY_ALERTS as Record<string, string>)[e.name.text];
        if (code) found.codes.push({ code, dynamic: false, where: where(at) });
        else found.unresolved.push(`${where(at)} ${e.getText()}`);
      } else if (ts.isIdentifier(e) && consts.has(e.text)) resolve(consts.get(e.text)!, at);
      else if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && helpers.has(e.expression.text)) resolve(helpers.get(e.expression.text)!, at);
      else found.unresolved.push(`${where(at)} ${e.getText()}`);
    };
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        const callee = n.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        const arg = n.arguments[0];
        if ((name === 'alertStaff' || name === 'raise') && arg) {
          if (ts.isObjectLiteralExpression(arg)) {
            const prop = arg.properties.find((p) => p.name?.getText() === 'code');
            if (prop && ts.isPropertyAssignment(prop)) resolve(prop.initializer, prop);
            else if (prop && ts.isShorthandPropertyAssignment(prop)) resolve(prop.name, prop);
            else found.unresolved.push(`${where(arg)} (no code)`);
          } else if (!(ts.isIdentifier(arg) && ['alert', 'a'].includes(arg.text))) {
            // Forwarding `(alert) => staffAlerts.raise(alert)` is wiring, not a new code.
            found.unresolved.push(`${where(arg)} ${arg.getText()}`);
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

function lookupIn(texts: unknown): AlertLookup {
  return (key, params) => {
    let node: unknown = texts;
    for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node !== 'string') return undefined;
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params?.[name] ?? `{{${name}}}`);
  };
}

const found = scan();
const languages = { ja: lookupIn(ja), en: lookupIn(en) };

describe('staff alert texts', () => {
  test('the scan finds the codes the main side raises and can follow every one', () => {
    assert.deepEqual(found.unresolved, []);
    const exact = new Set(found.codes.filter((c) => !c.dynamic).map((c) => c.code));
    // A few codes known to be raised: if the scan stopped seeing calls, this fails.
    for (const known of ['refund-voucher', 'recovery-failed', 'application-not-printed', RECOVERY_ALERTS.refund, 'application-missing-glyph']) {
      assert.ok(exact.has(known), `scan missed ${known}`);
    }
    const dynamic = new Set(found.codes.filter((c) => c.dynamic).map((c) => c.code));
    for (const head of ['printer-', 'print-', 'application-dead-letter-']) assert.ok(dynamic.has(head), `scan missed ${head}…`);
  });

  for (const [lang, lookup] of Object.entries(languages)) {
    test(`${lang}: every fixed code has its own text`, () => {
      const missing = found.codes.filter((c) => !c.dynamic && lookup(`alertCodes.${c.code}`) === undefined).map((c) => `${c.code} (${c.where})`);
      assert.deepEqual([...new Set(missing)], []);
    });

    test(`${lang}: every code the main side raises comes with a line of advice`, () => {
      const missing = found.codes
        .map((c) => ({ ...c, sample: c.dynamic ? `${c.code}some-new-reason` : c.code }))
        .filter((c) => alertAdvice(c.sample, lookup) === undefined)
        .map((c) => `${c.code} (${c.where})`);
      assert.deepEqual([...new Set(missing)], []);
      assert.equal(alertAdvice('entirely-unknown', lookup), undefined);
    });

    test(`${lang}: every dynamic code family has a pattern with a text, and reasons read as words`, () => {
      for (const { code: head, where } of found.codes.filter((c) => c.dynamic)) {
        const sample = `${head}some-new-reason`;
        const text = alertText(sample, lookup);
        assert.notEqual(text, sample, `${head}… (${where}) has no pattern text`);
        assert.ok(text.includes('some-new-reason'), `an unknown reason is still shown: ${text}`);
      }
      for (const p of ALERT_PATTERNS) assert.ok(lookup(p.key, { reason: 'x' }), `${p.key} missing`);
      // Known reasons get their words, not their codes.
      const paused = alertText('printer-paused', lookup);
      assert.ok(paused.includes(lookup('printerReason.paused')!) && !paused.includes('paused'), paused);
      const aborted = alertText('print-aborted-door-open', lookup);
      assert.ok(aborted.includes(lookup('printerReason.door-open')!) && !aborted.includes('door-open'), aborted);
      const dead = alertText('application-dead-letter-validation-failed', lookup);
      assert.ok(dead.includes(lookup('deadLetterReason.validation-failed')!) && !dead.includes('validation-failed'), dead);
      assert.equal(alertText('entirely-unknown', lookup), 'entirely-unknown', 'an unknown code is shown as it is');
    });
  }

  test('the two languages name the same fixed codes and reasons', () => {
    for (const section of [
      'alertCodes',
      'alertPatterns',
      'alertAdvice',
      'alertPatternAdvice',
      'printerReason',
      'cancelReason',
      'deadLetterReason',
      'paymentState',
    ] as const) {
      assert.deepEqual(
        Object.keys((ja as unknown as Record<string, object>)[section] ?? {}).sort(),
        Object.keys((en as unknown as Record<string, object>)[section] ?? {}).sort(),
        section,
      );
    }
  });
});
