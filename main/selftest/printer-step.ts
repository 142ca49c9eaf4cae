/**
 * The A4 printer's step: its IPP state first (a printer that reports no paper is not sent a page),
 * then a test page followed to the end of its job. Codes are the staff alerts' printer codes
 * (`printer-media-empty` …), so the console's advice for an alert and the self-test's fix are one text.
 */
import { PrinterError, type Printer, type PrinterHealth } from '../../devices/printer/printer';
import { fail, pass, type SelfTestFacts, type SelfTestStepRunner } from './self-test-step';

export interface PrinterStepDeps {
  printer: Pick<Printer, 'health' | 'print'>;
  /** The test page's PDF (main/documents/test-page). */
  testPage: () => Promise<Buffer>;
  /** Default 120 s: a cold printer warms up before its first page. */
  timeoutMs?: number;
}

export const TEST_PAGE_JOB_NAME = 'madoguchi-self-test';

function healthFacts(health: PrinterHealth): SelfTestFacts {
  const keywords = health.conditions.map((c) => c.keyword).filter((k) => k !== 'none');
  return { state: health.state, stateReasons: keywords.join(' ').slice(0, 64) || 'none' };
}

export function printerStep(deps: PrinterStepDeps): SelfTestStepRunner {
  return {
    id: 'printer',
    timeoutMs: deps.timeoutMs ?? 120_000,
    run: async ({ signal }) => {
      const health = await deps.printer.health({ signal });
      const facts = healthFacts(health);
      if (!health.ready) return fail(health.state === 'unreachable' ? 'printer-unreachable' : `printer-${health.reasons[0]}`, facts);
      const pdf = await deps.testPage();
      try {
        const result = await deps.printer.print(pdf, { jobName: TEST_PAGE_JOB_NAME, signal });
        const jobFacts = { ...facts, jobId: result.jobId, pagesCompleted: result.pagesCompleted ?? -1 };
        if (result.outcome === 'completed') return pass('printer-ok', jobFacts);
        if (result.outcome === 'aborted') return fail(`printer-${result.reason}`, jobFacts);
        return fail('printer-job-canceled', jobFacts);
      } catch (err) {
        if (!(err instanceof PrinterError)) throw err;
        if (err.code === 'printer.not-ready' && err.details.reason) return fail(`printer-${err.details.reason}`, facts);
        return fail(err.code === 'printer.offline' || err.code === 'printer.lost-job' ? 'printer-unreachable' : 'printer-refused', {
          ...facts,
          error: err.code,
        });
      }
    },
  };
}
