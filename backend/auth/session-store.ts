/**
 * Short-lived session tokens after a verified JPKI login, bound to one kiosk and one resident.
 */
import { randomBytes } from 'node:crypto';
import type { WardId } from '../../contract/ward-api';
import { ApiError } from '../../platform/http/api-error';

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

/** The token of an `Authorization: Bearer <token>` header, if well-formed. */
function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer ([A-Za-z0-9_-]{20,128})$/.exec(authorization ?? '')?.[1];
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => Date,
  ) {}

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
    const token = bearerToken(authorization);
    const s = token ? this.sessions.get(token) : undefined;
    if (!s || s.expiresAt < this.now().getTime() || s.kioskId !== kioskId || s.ward !== ward) {
      throw new ApiError(401, 'session-invalid', 'missing, expired or foreign session token');
    }
    return s;
  }

  /**
   * Ends the session of `Authorization: Bearer <token>` if it belongs to `kioskId` (the citizen's
   * session was wiped at the kiosk). False when there was none to end: already ended, expired,
   * unknown, or another kiosk's, which this kiosk can neither end nor learn about. Throws 401
   * session-invalid only when no bearer token was sent at all.
   */
  end(authorization: string | undefined, kioskId: string): boolean {
    const token = bearerToken(authorization);
    if (!token) throw new ApiError(401, 'session-invalid', 'missing or malformed session token');
    const s = this.sessions.get(token);
    if (!s || s.kioskId !== kioskId) return false;
    this.sessions.delete(token);
    return s.expiresAt >= this.now().getTime();
  }

  private sweep(): void {
    const t = this.now().getTime();
    for (const [k, s] of this.sessions) if (s.expiresAt < t) this.sessions.delete(k);
  }
}
