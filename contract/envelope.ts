/**
 * Messages on the wire between renderer and main, the same for Electron IPC and the
 * browser shell's WebSocket. Results never throw across the boundary: a call resolves
 * to `{ ok: true, value }` or `{ ok: false, error }`.
 */
import { z } from 'zod';
import { kioskErrorSchema } from './errors';

/** Channel names are short dotted identifiers; anything else is rejected before lookup. */
export const channelNameSchema = z.string().regex(/^[a-z][a-zA-Z]{0,31}\.[a-z][a-zA-Z]{0,47}$/);

export const resultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: kioskErrorSchema }),
]);
export type WireResult = z.infer<typeof resultSchema>;

/** Browser shell: renderer → main. */
export const clientMessageSchema = z.object({
  kind: z.literal('request'),
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  channel: z.string().max(96),
  payload: z.unknown(),
});
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** Browser shell: main → renderer. */
export const serverMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('response'), id: z.number().int().nonnegative(), result: resultSchema }),
  z.object({ kind: z.literal('event'), channel: z.string().max(96), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

/** The largest message either side accepts, in bytes. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
