/**
 * Sends command APDUs over a CardSession and returns parsed responses, handling the two
 * transport-level status words defensively:
 *  - 61xx: more data waits; fetch it with GET RESPONSE (bounded, appended);
 *  - 6Cxx: wrong Le; re-send once with Le = xx.
 * A VERIFY is never sent twice: it is excluded from the 6Cxx re-send, and no layer above retries it.
 * Every APDU waits at most `timeoutMs` for its answer (CardError `card-timeout`); a VERIFY carrying
 * a PIN that times out is flagged `pinTryUnknown`, as the card may have used a try.
 */
import { CardError, isCardError } from '../card-errors';
import { DEFAULT_APDU_TIMEOUT_MS, type CardSession } from '../card-reader-manager';
import { encodeCommand, getResponse, Ins, type CommandApdu } from './command-apdu';
import { expectOk, parseResponse, type ResponseApdu, type SwContext } from './response-apdu';

/** More GET RESPONSE rounds than this means a card in a loop; stop with a typed error. */
const MAX_GET_RESPONSE_ROUNDS = 64;
/** A response longer than this is not one this card sends. */
const MAX_RESPONSE_BYTES = 65536;

export class ApduChannel {
  /** Number of command APDUs sent through this channel (for benchmarks and tests). */
  apduCount = 0;

  constructor(
    private readonly session: CardSession,
    /** Longest wait for one APDU's answer. */
    private readonly timeoutMs: number = DEFAULT_APDU_TIMEOUT_MS,
  ) {}

  /** Sends `cmd` and resolves with the final response (after 61xx/6Cxx handling), whatever its SW. */
  async send(cmd: CommandApdu): Promise<ResponseApdu> {
    let r = await this.raw(cmd);
    if ((r.sw & 0xff00) === 0x6c00 && cmd.ins !== Ins.VERIFY && cmd.le !== undefined) {
      // The card tells the exact Le; one corrected re-send (never for VERIFY: no PIN is sent twice).
      r = await this.raw({ ...cmd, le: (r.sw & 0xff) === 0 ? 256 : r.sw & 0xff });
    }
    if ((r.sw & 0xff00) !== 0x6100) return r;
    const parts: Uint8Array[] = [r.data];
    let total = r.data.length;
    for (let round = 0; (r.sw & 0xff00) === 0x6100; round++) {
      if (round >= MAX_GET_RESPONSE_ROUNDS) throw new CardError('malformed-response', 'endless 61xx chain');
      r = await this.raw(getResponse(r.sw & 0xff));
      total += r.data.length;
      if (total > MAX_RESPONSE_BYTES) throw new CardError('malformed-response', 'response too long');
      parts.push(r.data);
    }
    const data = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      data.set(p, at);
      at += p.length;
    }
    return { data, sw: r.sw };
  }

  /** Sends `cmd` and returns the data of a 9000 answer, or throws the mapped CardError. */
  async sendOk(cmd: CommandApdu, context: SwContext = 'other'): Promise<Uint8Array> {
    return expectOk(await this.send(cmd), context);
  }

  private async raw(cmd: CommandApdu): Promise<ResponseApdu> {
    const bytes = encodeCommand(cmd);
    this.apduCount++;
    try {
      return parseResponse(await this.session.transmit(bytes, this.timeoutMs));
    } catch (e) {
      if (isCardError(e, 'card-timeout') && cmd.ins === Ins.VERIFY && cmd.data !== undefined && cmd.data.length > 0) {
        // The PIN reached the reader and no answer came: a try may be used. Nothing re-sends it.
        throw new CardError('card-timeout', 'no answer to VERIFY: whether a try was used is unknown', { cause: e, pinTryUnknown: true });
      }
      throw e;
    } finally {
      // The encoded command may hold a PIN: wipe our copy whatever happened.
      bytes.fill(0);
    }
  }
}
