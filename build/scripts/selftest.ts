/**
 * `npm run selftest -- [--config kiosk.json] [--recover-sec 60]`: the kiosk's hardware self-test
 * (main/selftest/selftest-cli.ts) with the staff texts of its fixes in Japanese and English.
 */
// First: silences the logger before any module creates it (it writes to standard output).
import './selftest-quiet';
import en from '../../renderer/i18n/locales/en/staff.json';
import ja from '../../renderer/i18n/locales/ja/staff.json';
import { runSelfTestCli, type SelfTestTexts } from '../../main/selftest/selftest-cli';
import { lookupIn, selfTestFix, selfTestResult } from '../../renderer/screens/staff/self-test-text';

const lookups = { ja: lookupIn(ja), en: lookupIn(en) };
const texts: SelfTestTexts = {
  fix: (code, lang) => selfTestFix(code, lookups[lang]),
  result: (code, lang) => selfTestResult(code, lookups[lang]),
};

void runSelfTestCli(process.argv.slice(2), { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) }, texts).then((code) =>
  process.exit(code),
);
