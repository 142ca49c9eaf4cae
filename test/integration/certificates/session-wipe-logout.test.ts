/**
 * The runtime's session wipe logs the citizen out at the ward back end: the token the journey got
 * at login is refused right after the wipe (not at its TTL), and the wipe does not wait for it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WardApiError } from '../../../main/ward/ward-client';
import { call, startTestRuntime, waitForStep } from '../../support/journey-driver';

test("a wiped session's back-end token is refused (401 session-invalid)", async () => {
  const runtime = await startTestRuntime();
  try {
    const client = runtime.ward.client;
    const tokens: string[] = [];
    const verify = client.verify.bind(client);
    client.verify = async (ward, body) => {
      const session = await verify(ward, body);
      tokens.push(session.sessionToken);
      return session;
    };
    const logouts: Promise<void>[] = [];
    const endSessions = client.endSessions.bind(client);
    client.endSessions = (deadlineMs) => {
      const p = endSessions(deadlineMs);
      logouts.push(p);
      return p;
    };

    await call(runtime, 'session.start', { journey: 'certificate' });
    await call(runtime, 'certificate.begin', {});
    await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
    await waitForStep(runtime, 'pin');
    await call(runtime, 'certificate.submitPin', { pin: '1234', confirmedLastTry: false });
    await waitForStep(runtime, 'choose');
    const [token] = tokens;
    assert.ok(token, 'logged in');
    assert.ok(await client.options('kokurakita', token));

    await runtime.session.end('cancel');
    assert.equal(logouts.length, 1, 'the wipe started the logout');
    await Promise.all(logouts);
    await assert.rejects(client.options('kokurakita', token), (e: unknown) => e instanceof WardApiError && e.code === 'session-invalid');
  } finally {
    await runtime.stop();
  }
});
