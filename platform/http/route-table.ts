/**
 * A tiny router (the ward back end's and the queue service's): exact segments and `{param}`
 * placeholders, per method. Unknown path → 404, known path with another method → 405.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error';

/** What a handler returns; the pipeline writes it (or drops it, under a fault). */
export interface HandlerResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Everything a handler gets. */
export interface RouteContext<Extra> {
  req: IncomingMessage;
  params: Record<string, string>;
  extra: Extra;
}

export interface Route<Extra> {
  method: 'GET' | 'POST';
  /** e.g. `/v1/certificates/{serial}/void` */
  path: string;
  /** True for state-changing routes (subject to drop-after-commit). */
  mutating?: boolean;
  /** Who may call it: allow-listed kiosks (default) or ward clerks' desks (platform/http/client-roles.ts). */
  role?: 'kiosk' | 'clerk';
  handle(ctx: RouteContext<Extra>): Promise<HandlerResult> | HandlerResult;
}

/** Finds the route for a method and path; throws ApiError 404/405. */
export function matchRoute<Extra>(routes: Route<Extra>[], method: string, path: string): { route: Route<Extra>; params: Record<string, string> } {
  const segs = path.split('/').filter(Boolean);
  let pathMatched = false;
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segs.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((p, i) => {
      const s = segs[i]!;
      if (p.startsWith('{')) {
        if (!/^[A-Za-z0-9_-]{1,64}$/.test(s)) return false;
        params[p.slice(1, -1)] = s;
        return true;
      }
      return p === s;
    });
    if (!ok) continue;
    pathMatched = true;
    if (route.method === method) return { route, params };
  }
  if (pathMatched) throw new ApiError(405, 'method-not-allowed', `${method} not allowed here`);
  throw new ApiError(404, 'not-found', 'no such endpoint');
}
