/**
 * A CardSession that plays a hex APDU transcript: each transmit must match the next expected
 * command exactly, and gets the scripted response. Used to test layers without any card.
 */
import assert from 'node:assert/strict';
import type { CardSession } from '../../../devices/card/card-reader-manager';

export const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
export const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

/** One step: the command expected (hex, spaces allowed) and the response to give (hex). */
export type Step = readonly [command: string, response: string];

export class ScriptedSession implements CardSession {
  readonly readerName = 'Scripted 00 00';
  readonly atr = hex('3BE000FF8131FE4514');
  readonly sent: string[] = [];
  isOpen = true;
  closed = false;
  private at = 0;

  constructor(private readonly steps: readonly Step[]) {}

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    const got = toHex(command);
    this.sent.push(got);
    const step = this.steps[this.at++];
    assert.ok(step, `unexpected extra APDU ${got.slice(0, 10)}...`);
    assert.equal(got, step[0].replace(/\s+/g, '').toUpperCase(), `APDU #${this.at}`);
    await new Promise((r) => setImmediate(r));
    return hex(step[1]);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.isOpen = false;
  }

  /** Asserts the whole transcript was used. */
  done(): void {
    assert.equal(this.at, this.steps.length, 'not all scripted APDUs were sent');
  }
}
