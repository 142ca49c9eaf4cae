/**
 * Error codes that cross the renderer/main boundary.
 *
 * Only a code and a message key travel: never a stack, never personal data. The renderer
 * shows `messageKey` through i18n, so each code has a citizen-facing text.
 */
import { z } from 'zod';

export const errorCodes = [
  'invalid-request',
  'unknown-channel',
  'no-session',
  'session-busy',
  'not-available',
  /** The session cannot end at the renderer's request: a certificate sale is paid (see `session.end`). */
  'sale-paid',
  'internal',
] as const;

export const kioskErrorSchema = z.object({
  code: z.string().min(1).max(64),
  messageKey: z.string().min(1).max(128),
});
export type KioskErrorPayload = z.infer<typeof kioskErrorSchema>;

/** An error a main-side handler throws on purpose; its code and message key reach the renderer. */
export class KioskError extends Error {
  constructor(
    readonly code: string,
    readonly messageKey: string = `errors.${code}`,
  ) {
    super(code);
    this.name = 'KioskError';
  }

  toPayload(): KioskErrorPayload {
    return { code: this.code, messageKey: this.messageKey };
  }
}
