/**
 * `npm run selftest -- [--config kiosk.json] [--recover-sec 60]`: the technician's self-test of the
 * kiosk's hardware, on the stopped kiosk (the devices and the audit log are the kiosk's, opened
 * exclusively). Prints one JSON report on stdout: each step's status, code, facts and the fix in
 * Japanese and English; the run is recorded in the kiosk's audit log as the technician's.
 *
 * Exit 0 = every step passed or was skipped, 1 = a step failed, 2 = usage or configuration error,
 * 3 = the devices, the audit log or a key could not be opened (is the kiosk still running?).
 */
import { parseArgs } from 'node:util';
import type { SelfTestReport } from '../../contract/self-test';
import { systemClock, type Clock } from '../../platform/clock';
import { errorCode } from '../../platform/log';
import { openCliConfigAndAudit } from '../audit/cli-audit';
import { openKioskDevices, type KioskDevices } from '../devices/kiosk-devices';
import { createKioskSelfTest } from './kiosk-self-test';

const USAGE = 'usage: npm run selftest -- [--config kiosk.json] [--recover-sec 60]';

export interface SelfTestCliIo {
  out(line: string): void;
  err(line: string): void;
}

/** The fix and result texts, per language (the staff texts: renderer/screens/staff/self-test-text.ts). */
export interface SelfTestTexts {
  fix(code: string, lang: 'ja' | 'en'): string | undefined;
  result(code: string, lang: 'ja' | 'en'): string;
}

/** The report as printed: each step with its texts in both languages. */
export function cliReport(kioskId: string, report: SelfTestReport, texts: SelfTestTexts) {
  return {
    kioskId,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    passed: report.passed,
    steps: report.steps.map((s) => {
      const code = s.code ?? 'none';
      const fix = s.status === 'fail' ? { ja: texts.fix(code, 'ja') ?? null, en: texts.fix(code, 'en') ?? null } : null;
      return { id: s.id, status: s.status, code: s.code, result: { ja: texts.result(code, 'ja'), en: texts.result(code, 'en') }, fix, facts: s.facts };
    }),
  };
}

export async function runSelfTestCli(
  argv: string[],
  io: SelfTestCliIo,
  texts: SelfTestTexts,
  env: NodeJS.ProcessEnv = process.env,
  clock: Clock = systemClock,
): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { config: { type: 'string' }, 'recover-sec': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    io.out(USAGE);
    return 0;
  }
  const recoverSec = Number(args.values['recover-sec'] ?? '60');
  if (!Number.isInteger(recoverSec) || recoverSec < 5 || recoverSec > 600) {
    io.err(`--recover-sec must be a whole number of seconds, 5 to 600\n${USAGE}`);
    return 2;
  }
  const opened = openCliConfigAndAudit(args.values.config, env, clock, io.err);
  if ('exitCode' in opened) return opened.exitCode;
  const { config, audit } = opened;
  let devices: KioskDevices;
  try {
    devices = await openKioskDevices(config);
  } catch (e) {
    audit.close();
    io.err(`the devices could not be opened (${errorCode(e)}): stop the kiosk first`);
    return 3;
  }
  try {
    const selfTest = createKioskSelfTest({
      config,
      devices,
      clock,
      recordAudit: (event) => audit.record(event),
      recoverMs: recoverSec * 1000,
    });
    const report = await selfTest.run('technician');
    io.out(JSON.stringify(cliReport(config.kioskId, report, texts), null, 2));
    return report.passed ? 0 : 1;
  } finally {
    await devices.stop();
    audit.close();
  }
}
