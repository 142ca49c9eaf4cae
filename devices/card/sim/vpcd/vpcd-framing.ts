/**
 * The vpcd wire format: every message is a 2-byte big-endian length, then that many bytes.
 * A 1-byte message from the driver is a control command; anything longer is a command APDU.
 */

/** vpcd control bytes (from the driver). */
export const VPCD_CONTROL = { POWER_OFF: 0x00, POWER_ON: 0x01, RESET: 0x02, ATR: 0x04 } as const;

/** One decoded message, or a framing violation. */
export type VpcdMessage =
  | { readonly kind: 'control'; readonly code: number }
  | { readonly kind: 'apdu'; readonly bytes: Uint8Array }
  | { readonly kind: 'invalid'; readonly reason: 'empty-frame' | 'unknown-control' };

/** Frames a payload for sending; throws RangeError if it cannot be framed (> 65535 bytes). */
export function frame(payload: Uint8Array): Buffer {
  if (payload.length > 0xffff) throw new RangeError('vpcd payload too long');
  const out = Buffer.alloc(2 + payload.length);
  out.writeUInt16BE(payload.length, 0);
  out.set(payload, 2);
  return out;
}

/**
 * Incremental decoder: push received chunks, take complete messages. Total: any byte stream
 * yields messages, `invalid` ones for violations (the caller then closes the connection).
 */
export class VpcdDecoder {
  private buffered: Buffer = Buffer.alloc(0);

  /** Appends received bytes and returns every complete message now available. */
  push(chunk: Uint8Array): VpcdMessage[] {
    this.buffered = this.buffered.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffered, chunk]);
    const out: VpcdMessage[] = [];
    while (this.buffered.length >= 2) {
      const length = this.buffered.readUInt16BE(0);
      if (length === 0) {
        out.push({ kind: 'invalid', reason: 'empty-frame' });
        this.buffered = Buffer.alloc(0);
        break;
      }
      if (this.buffered.length < 2 + length) break;
      const body = Uint8Array.from(this.buffered.subarray(2, 2 + length));
      this.buffered = this.buffered.subarray(2 + length);
      if (length === 1) {
        const code = body[0]!;
        const known = Object.values(VPCD_CONTROL).includes(code as 0);
        out.push(known ? { kind: 'control', code } : { kind: 'invalid', reason: 'unknown-control' });
        if (!known) break;
      } else {
        out.push({ kind: 'apdu', bytes: body });
      }
    }
    return out;
  }

  /** Bytes received but not yet forming a whole message. */
  get pendingBytes(): number {
    return this.buffered.length;
  }
}
