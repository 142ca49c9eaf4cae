/**
 * Short-lived session tokens after a verified JPKI login, bound to one kiosk and one resident.
 */
import { randomBytes } from 'node:crypto';
import type { WardId } from '../../contract/ward-api';
import { ApiError } from '../http/api-error';

/** What a valid token stands for. */
export interface Session {
  /** The resident who authenticated with their card. */
  residentId: string;
  /** The kiosk the login happened at; the token is useless anywhere else. */
  kioskId: string;
  /** The ward back end that verified the login. */
  ward: WardId;
  /** Epoch ms after which the token is refused. */
  expiresAt: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly ttlMs: number, private readonly now: () => Date) {}

  /** Creates a token (43 chars base64url, 256 bits). */
  create(residentId: string, kioskId: string, ward: WardId): { token: string; expiresAt: Date } {
    this.sweep();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now().getTime() + this.ttlMs;
    this.sessions.set(token, { residentId, kioskId, ward, expiresAt });
    return { token, expiresAt: new Date(expiresAt) };
  }

  /** Resolves `Authorization: Bearer <token>`; throws 401 session-invalid if absent, unknown, expired or foreign. */
  require(authorization: string | undefined, kioskId: string, ward: WardId): Session {
    const m = /^Bearer ([A-Za-z0-9_-]{20,128})$/.exec(authorization ?? '');
    const s = m?.[1] ? this.sessions.get(m[1]) : undefined;
    if (!s || s.expiresAt < this.now().getTime() || s.kioskId !== kioskId || s.ward !== ward) {
      throw new ApiError(401, 'session-invalid', 'missing, expired or foreign session token');
    }
    return s;
  }

  private sweep(): void {
    const t = this.now().getTime();
    for (const [k, s] of this.sessions) if (s.expiresAt < t) this.sessions.delete(k);
  }
}
