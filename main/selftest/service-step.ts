/**
 * The ward back end's and the queue service's step: the service answers its health check over
 * mutual TLS, and neither its certificate nor the kiosk's own expires within `warnDays` (by the
 * kiosk's clock). The expiry dates are facts of the step either way.
 */
import type { Clock } from '../../platform/clock';
import { ProbeError, type HttpsProbe } from '../ward/https-probe';
import { fail, pass, skipped, type SelfTestFacts, type SelfTestStepRunner } from './self-test-step';

export interface ServiceStepDeps {
  id: 'backend' | 'queue';
  /** The health URL, or null when the service is not configured (skipped). */
  healthUrl: string | null;
  probe: HttpsProbe;
  /** The kiosk's client certificate's notAfter (it authenticates the kiosk to both services). */
  clientCertNotAfter: Date;
  clock: Clock;
  /** A certificate expiring sooner than this fails the step (default 30 days). */
  warnDays?: number;
  timeoutMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function serviceStep(deps: ServiceStepDeps): SelfTestStepRunner {
  const { id } = deps;
  const warnDays = deps.warnDays ?? 30;
  return {
    id,
    timeoutMs: deps.timeoutMs ?? 20_000,
    run: async ({ signal }) => {
      if (deps.healthUrl === null) return skipped(`${id}-not-configured`);
      const now = deps.clock.now();
      const daysLeft = (d: Date) => Math.floor((d.getTime() - now) / DAY_MS);
      const facts: SelfTestFacts = { kioskCertNotAfter: deps.clientCertNotAfter.toISOString(), kioskCertDaysLeft: daysLeft(deps.clientCertNotAfter) };
      let answer;
      try {
        answer = await deps.probe(deps.healthUrl, signal);
      } catch (err) {
        if (!(err instanceof ProbeError)) throw err;
        return fail(err.code === 'certificate-expired' ? `${id}-certificate-expired` : `${id}-unreachable`, facts);
      }
      facts.httpStatus = answer.httpStatus;
      if (answer.certNotAfter) {
        facts.serverCertNotAfter = answer.certNotAfter.toISOString();
        facts.serverCertDaysLeft = daysLeft(answer.certNotAfter);
      }
      if (answer.httpStatus !== 200) return fail(`${id}-unhealthy`, facts);
      if (answer.certNotAfter && daysLeft(answer.certNotAfter) < warnDays) return fail(`${id}-certificate-expiring`, facts);
      if (daysLeft(deps.clientCertNotAfter) < warnDays) return fail('kiosk-certificate-expiring', facts);
      return pass(`${id}-ok`, facts);
    },
  };
}
