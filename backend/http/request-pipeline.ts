/**
 * One request through the back end: kiosk identity (mTLS CN + allow-list), fault injection,
 * routing (`/v1/health`, `/v1/_faults`, `/wards/{ward}/v1/...`), handler, JSON answer.
 * Logs carry method, route, status, kiosk id and duration only: never bodies or tokens.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { setTimeout as sleep } from 'node:timers/promises';
import { faultRequestSchema, wardIdSchema, type WardId } from '../../contract/ward-api';
import type { Logger } from '../../platform/log';
import type { FaultController } from '../faults';
import type { WardRequest } from '../routes/ward-routes';
import type { WardConfig } from '../ward-config';
import { ApiError, sendError, sendJson } from './api-error';
import { readJson } from './read-json-body';
import { matchRoute, type HandlerResult, type Route } from './route-table';

export interface PipelineDeps {
  config: WardConfig;
  routes: Route<WardRequest>[];
  /** Present only when fault injection is enabled. */
  faults: FaultController | undefined;
  log: Logger;
}

/** The kiosk id from the verified client certificate (the TLS layer already checked the chain). */
export function kioskIdOf(req: IncomingMessage, allowed: readonly string[]): string {
  const socket = req.socket as TLSSocket;
  const cn = socket.authorized ? socket.getPeerCertificate().subject?.CN : undefined;
  const id = Array.isArray(cn) ? undefined : cn;
  if (!id || !allowed.includes(id)) throw new ApiError(403, 'kiosk-not-allowed', 'client certificate is not an allowed kiosk');
  return id;
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
    kioskId = kioskIdOf(req, deps.config.allowedKioskIds);
    const path = new URL(req.url ?? '/', 'https://backend.invalid').pathname;
    if (path === '/v1/_faults') {
      routeName = 'faults';
      if (req.method !== 'POST') throw new ApiError(405, 'method-not-allowed', 'POST only');
      if (!deps.faults) throw new ApiError(403, 'faults-disabled', 'fault injection is not enabled on this server');
      const body = await readJson(req, faultRequestSchema, deps.config.maxBodyBytes);
      const faults = deps.faults;
      // Answer first, then go down: the caller must learn its request was applied.
      if (body.mode === 'down') {
        res.on('finish', () => { void faults.apply(body); });
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
