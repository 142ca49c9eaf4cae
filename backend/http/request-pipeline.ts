/**
 * One request through the back end: client identity (mTLS: not revoked by the city CA's CRL, then
 * kiosk CN + allow-list or the clerk role per route), fault injection,
 * routing (`/v1/health`, `/v1/_faults`, `/wards/{ward}/v1/...`), handler, JSON answer.
 * Logs carry method, route, status, kiosk id and duration only: never bodies or tokens.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { faultRequestSchema, wardIdSchema, type WardId } from '../../contract/ward-api';
import type { Logger } from '../../platform/log';
import type { ClientCertificateCrl } from '../auth/client-crl';
import { peerCertificateOf, type PeerCertificate } from '../../platform/http/client-roles';
import type { FaultController } from '../faults';
import type { WardRequest } from '../routes/ward-routes';
import type { WardConfig } from '../ward-config';
import { ApiError, sendError, sendJson } from '../../platform/http/api-error';
import { readJson } from '../../platform/http/read-json-body';
import { matchRoute, type HandlerResult, type Route } from '../../platform/http/route-table';

export interface PipelineDeps {
  config: WardConfig;
  routes: Route<WardRequest>[];
  /** Present only when fault injection is enabled. */
  faults: FaultController | undefined;
  log: Logger;
  /** The city CA's CRL of client certificates (current one; replaced without a restart). */
  clientCrl: () => ClientCertificateCrl;
  now: () => Date;
}

/**
 * The caller's id for a route: an allow-listed kiosk (CN) for kiosk routes, a clerk certificate
 * (clerk purpose, platform/http/client-roles.ts) for clerk routes. `route` undefined checks only
 * that the caller is one or the other (before routing, so a stranger learns no route).
 */
export function callerIdOf(peer: PeerCertificate | undefined, allowedKiosks: readonly string[], route?: Pick<Route<WardRequest>, 'role'>): string {
  const kiosk = peer?.role === 'kiosk' && peer.cn !== undefined && allowedKiosks.includes(peer.cn) ? peer.cn : undefined;
  const clerk = peer?.role === 'clerk' ? peer.cn : undefined;
  if (route?.role === 'clerk') {
    if (!clerk) throw new ApiError(403, 'clerk-certificate-required', 'this look-up needs a ward clerk certificate, not a kiosk certificate');
    return clerk;
  }
  if (kiosk) return kiosk;
  if (clerk && route === undefined) return clerk;
  throw new ApiError(403, 'kiosk-not-allowed', 'client certificate is not an allowed kiosk');
}

function splitWardPath(path: string, served: readonly WardId[]): { ward: WardId; rest: string } {
  const m = /^\/wards\/([^/]+)(\/.*)$/.exec(path);
  const ward = wardIdSchema.safeParse(m?.[1]);
  if (!m || !ward.success || !served.includes(ward.data)) throw new ApiError(404, 'unknown-ward', 'no such ward on this server');
  return { ward: ward.data, rest: m[2]! };
}

/** Handles one request end to end; never throws. */
export async function handleRequest(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = Date.now();
  let routeName = '?';
  let kioskId: string | undefined;
  try {
    const peer = peerCertificateOf(req);
    if (peer) deps.clientCrl().check(peer.serialHex, deps.now());
    kioskId = callerIdOf(peer, deps.config.allowedKioskIds);
    const path = new URL(req.url ?? '/', 'https://backend.invalid').pathname;
    if (path === '/v1/_faults') {
      routeName = 'faults';
      callerIdOf(peer, deps.config.allowedKioskIds, {});
      if (req.method !== 'POST') throw new ApiError(405, 'method-not-allowed', 'POST only');
      if (!deps.faults) throw new ApiError(403, 'faults-disabled', 'fault injection is not enabled on this server');
      const body = await readJson(req, faultRequestSchema, deps.config.maxBodyBytes);
      const faults = deps.faults;
      // Answer first, then go down: the caller must learn its request was applied.
      if (body.mode === 'down') {
        res.on('finish', () => {
          void faults.apply(body);
        });
        sendJson(res, 200, { applied: body.mode });
        return;
      }
      await faults.apply(body);
      sendJson(res, 200, { applied: body.mode, state: faults.state() });
      return;
    }
    if (deps.faults) {
      const slow = deps.faults.state().slowMs;
      if (slow > 0) await sleep(slow);
      if (deps.faults.takeHttp500()) throw new ApiError(500, 'injected-fault', 'injected HTTP 500');
    }
    const { ward, rest } = path === '/v1/health' ? { ward: deps.config.wards[0]!, rest: path } : splitWardPath(path, deps.config.wards);
    const { route, params } = matchRoute(deps.routes, req.method ?? 'GET', rest);
    routeName = route.path;
    kioskId = callerIdOf(peer, deps.config.allowedKioskIds, route);
    const result: HandlerResult = await route.handle({ req, params, extra: { ward, kioskId } });
    if (route.mutating && deps.faults?.takeDrop()) {
      // The transaction is committed; the kiosk never hears so. Its retry must be idempotent.
      deps.log.warn({ route: routeName, kioskId }, 'fault: dropping connection after commit');
      req.socket.destroy();
      return;
    }
    sendJson(res, result.status, result.body, result.headers);
    deps.log.debug({ method: req.method, route: routeName, status: result.status, kioskId, ms: Date.now() - started }, 'request');
  } catch (err) {
    const apiErr = err instanceof ApiError ? err : new ApiError(500, 'internal', 'internal error');
    if (!(err instanceof ApiError)) deps.log.error({ route: routeName, errName: (err as Error)?.name }, 'unhandled error');
    if (!res.headersSent && !res.destroyed) sendError(res, apiErr);
    deps.log.debug({ method: req.method, route: routeName, status: apiErr.status, code: apiErr.code, kioskId, ms: Date.now() - started }, 'request');
  }
}
