/**
 * Starts a back end for a test file with a throwaway JPKI PKI (generated once per process) and
 * offers login and call helpers.
 */
import assert from 'node:assert/strict';
import { startWardBackend, type WardBackendHandle, type WardBackendOptions } from '../../../../backend/start-ward-backend';
import type { WardId } from '../../../../contract/ward-api';
import { call, clerkIdentity, kioskIdentity, type CallOptions, type CallResult } from './ward-client';
import { cardSign, createJpkiTestPki, type JpkiTestPki, type TestCard } from './jpki-test-pki';

/** Residents that get a good test card (ids from fixtures/residents.json and fixtures/ward/residents-extra.json). */
export const CARD_HOLDERS = [
  'res-001',
  'res-002',
  'res-003',
  'res-004',
  'res-005',
  'res-006',
  'res-007',
  'res-008',
  'res-009',
  'res-010',
  'res-012',
  'res-014',
  'res-015',
  'res-016',
  'ward-101',
];

let pkiPromise: Promise<JpkiTestPki> | undefined;
/** The per-process test JPKI PKI. */
export function testPki(): Promise<JpkiTestPki> {
  pkiPromise ??= createJpkiTestPki(CARD_HOLDERS, { revokedFor: 'res-013', expiredFor: 'res-011', notYetValidFor: 'res-002' });
  return pkiPromise;
}

export interface TestBackend {
  handle: WardBackendHandle;
  pki: JpkiTestPki;
  /** Calls a path below a ward (default kokurakita) or the origin when `ward` is null. */
  api(
    path: string,
    o?: Omit<CallOptions, 'ca'> & { ward?: WardId | null; kiosk?: string; /** Call as the TEST clerk desk. */ clerk?: boolean },
  ): Promise<CallResult>;
  /** Full login for a card; returns the session token. */
  login(card: TestCard, ward: WardId, kiosk?: string): Promise<string>;
}

export async function startTestBackend(options: WardBackendOptions = {}): Promise<TestBackend> {
  const pki = await testPki();
  const handle = await startWardBackend({ faults: true, jpki: pki.trust, ...options });
  const api: TestBackend['api'] = (path, o = {}) => {
    const base = o.ward === null ? handle.url : handle.wardUrl(o.ward ?? 'kokurakita');
    return call(`${base}${path}`, {
      ...o,
      ca: handle.caCertPem,
      ...(o.kiosk ? { identity: kioskIdentity(o.kiosk) } : {}),
      ...(o.clerk ? { identity: clerkIdentity() } : {}),
    });
  };
  const login: TestBackend['login'] = async (card, ward, kiosk) => {
    const n = await api('/v1/auth/nonce', { method: 'POST', ward, kiosk });
    assert.equal(n.status, 200);
    const nonce = (n.body as { nonce: string }).nonce;
    const v = await api('/v1/auth/verify', {
      ward,
      kiosk,
      body: { nonce, signature: cardSign(card.key, Buffer.from(nonce, 'base64')).toString('base64'), certificate: card.certDer.toString('base64') },
    });
    assert.equal(v.status, 200, JSON.stringify(v.body));
    return (v.body as { sessionToken: string }).sessionToken;
  };
  return { handle, pki, api, login };
}
