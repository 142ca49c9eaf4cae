/**
 * Every code a self-test step can end with has a staff text in Japanese and English saying what
 * was found, and every failure has a fix (its own, or the alert advice of the same code). The codes
 * are read from the steps' source: quoted codes, `printer-${reason}` for every printer reason and
 * `${id}-…` for the back end and the queue, so a new code without its texts fails here.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { PRINTER_REASONS } from '../../../devices/printer/printer-status-map';
import { PUT_COIN_BACK_PROMPT } from '../../../main/selftest/cash-step';
import en from '../../../renderer/i18n/locales/en/staff.json';
import ja from '../../../renderer/i18n/locales/ja/staff.json';
import { lookupIn, selfTestFix } from '../../../renderer/screens/staff/self-test-text';

const dir = join(__dirname, '..', '..', '..', 'main', 'selftest');
const PASSING = /-(ok|ready|read-ok|not-installed|not-configured)$/;

function stepCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/'((?:printer|card|cash|cashless|backend|queue|kiosk|step)-[a-z-]+)'/g)) codes.add(m[1]!);
    if (text.includes('`printer-${')) for (const r of PRINTER_REASONS) codes.add(`printer-${r}`);
    for (const m of text.matchAll(/`\$\{id\}-([a-z-]+)`/g)) for (const id of ['backend', 'queue']) codes.add(`${id}-${m[1]!}`);
  }
  codes.delete(PUT_COIN_BACK_PROMPT);
  return codes;
}

describe('self-test texts', () => {
  const codes = stepCodes();

  test('the scan finds the codes (a sanity check of the scan itself)', () => {
    for (const known of ['printer-media-empty', 'card-no-reader', 'cash-change-low', 'cashless-offline', 'queue-certificate-expiring', 'step-timeout']) {
      assert.ok(codes.has(known), known);
    }
  });

  for (const [lang, texts] of [
    ['ja', ja],
    ['en', en],
  ] as const) {
    test(`${lang}: a result for every code, a fix for every failure, the coin prompt`, () => {
      const lookup = lookupIn(texts);
      const missing = [...codes].filter((c) => lookup(`selfTestResult.${c}`) === undefined || (!PASSING.test(c) && selfTestFix(c, lookup) === undefined));
      assert.deepEqual(missing, []);
      assert.ok(lookup(`selfTestPrompt.${PUT_COIN_BACK_PROMPT}`));
    });
  }
});
