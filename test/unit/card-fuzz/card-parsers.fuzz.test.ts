/**
 * Fuzzes every card-side parser with random and mutated inputs (> 100,000 in total). Seeds are
 * real files read from the virtual card. Each parser must return a value or throw CardError,
 * nothing else; and none may hang (every loop consumes input; the test has a timeout).
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CardError } from '../../../devices/card/card-errors';
import { ApduChannel } from '../../../devices/card/apdu/apdu-channel';
import { readBinary, selectEf } from '../../../devices/card/apdu/command-apdu';
import { readTlvFile } from '../../../devices/card/apdu/read-binary-file';
import { errorForSw, parseResponse } from '../../../devices/card/apdu/response-apdu';
import { childrenOf, parseTlv, readTlvHeader, type TlvNode } from '../../../devices/card/tlv/ber-tlv';
import { decodeBasicInfoFile } from '../../../devices/card/mynumber/basic-info-file';
import { certificateLength, decodeCertificateFile } from '../../../devices/card/mynumber/certificate-file';
import { decodeIntegrityFile } from '../../../devices/card/mynumber/integrity-file';
import { decodeMyNumberFile } from '../../../devices/card/mynumber/my-number-file';
import { decodeTokenInfo } from '../../../devices/card/mynumber/token-info-file';
import { JpkiEf, TextEf } from '../../../devices/card/mynumber/card-constants';
import { selectJpki } from '../../../devices/card/mynumber/jpki-ap';
import { selectTextAp } from '../../../devices/card/mynumber/text-ap';
import { verifyPin } from '../../../devices/card/mynumber/pin-verification';
import type { CardSession } from '../../../devices/card/card-reader-manager';
import { CardStateRegistry, VirtualMyNumberCard } from '../../../devices/card/sim/virtual-card';

let total = 0;
const seeds: Record<string, Uint8Array> = {};

/** Runs `parse` on `n` inputs from `arb`; anything but a value or a CardError fails. */
function fuzz(arb: fc.Arbitrary<Uint8Array>, n: number, parse: (b: Uint8Array) => unknown): void {
  fc.assert(
    fc.property(arb, (bytes) => {
      try {
        parse(bytes);
      } catch (e) {
        if (!(e instanceof CardError)) throw e;
      }
    }),
    { numRuns: n, seed: 20261128 + total },
  );
  total += n;
}

const randomBytes = (max: number) => fc.uint8Array({ maxLength: max }).map((b) => Uint8Array.from(b));

/** A real file with up to 8 random edits: set, insert, delete bytes, or truncate. */
function mutated(seed: () => Uint8Array): fc.Arbitrary<Uint8Array> {
  const edit = fc.record({ op: fc.constantFrom('set', 'ins', 'del', 'cut'), pos: fc.nat(), val: fc.integer({ min: 0, max: 255 }) });
  return fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) => {
    const b = [...seed()];
    for (const e of edits) {
      const at = b.length === 0 ? 0 : e.pos % (b.length + 1);
      if (e.op === 'set' && at < b.length) b[at] = e.val;
      else if (e.op === 'ins') b.splice(at, 0, e.val);
      else if (e.op === 'del') b.splice(at, 1);
      else if (e.op === 'cut') b.length = at;
    }
    return Uint8Array.from(b);
  });
}

/** Walks every constructed node, so nested parsing is fuzzed too. */
function parseDeep(bytes: Uint8Array): number {
  let count = 0;
  const stack: TlvNode[] = [...parseTlv(bytes)];
  while (stack.length > 0 && count < 10_000) {
    const n = stack.pop() as TlvNode;
    count++;
    if (n.constructed) stack.push(...childrenOf(bytes, n));
  }
  return count;
}

/** A session over the virtual card, for collecting the real files. */
function sessionFor(card: VirtualMyNumberCard): CardSession {
  return { readerName: 'seed', atr: card.atr, isOpen: true, transmit: async (c) => card.transmit(c), close: async () => {} };
}

describe('card parser fuzzing', { timeout: 120_000 }, () => {
  before(async () => {
    const card = VirtualMyNumberCard.fromFixture('card-002', { registry: new CardStateRegistry() });
    const ch = new ApduChannel(sessionFor(card));
    await selectTextAp(ch);
    await verifyPin(ch, 'text-pin', TextEf.PIN, '2580');
    await ch.sendOk(selectEf(TextEf.MY_NUMBER));
    seeds.myNumber = await ch.sendOk(readBinary(0, 17));
    await ch.sendOk(selectEf(TextEf.BASIC_INFO));
    seeds.basic = await ch.sendOk(readBinary(0, 256));
    await ch.sendOk(selectEf(TextEf.INTEGRITY));
    seeds.integrity = await readTlvFile(ch, { maxLength: 4096 });
    await selectJpki(ch);
    await ch.sendOk(selectEf(JpkiEf.TOKEN_INFO));
    seeds.token = await ch.sendOk(readBinary(0, 256));
    await ch.sendOk(selectEf(JpkiEf.AUTH_CERT));
    seeds.cert = await readTlvFile(ch, { maxLength: 8192 });
    // Sanity: the seeds decode, so mutations start from valid files.
    decodeMyNumberFile(seeds.myNumber);
    decodeBasicInfoFile(seeds.basic);
    decodeIntegrityFile(seeds.integrity);
    decodeTokenInfo(seeds.token);
    decodeCertificateFile(seeds.cert);
  });

  const seed = (k: string) => () => seeds[k] as Uint8Array;

  test('BER-TLV (header and deep parse) on random and mutated files', () => {
    fuzz(randomBytes(300), 15_000, parseDeep);
    fuzz(randomBytes(12), 5_000, (b) => readTlvHeader(b));
    for (const k of ['basic', 'integrity', 'myNumber']) fuzz(mutated(seed(k)), 4_000, parseDeep);
    fuzz(mutated(seed('cert')), 3_000, parseDeep);
  });

  test('response APDU parser and status-word mapping', () => {
    fuzz(randomBytes(40), 10_000, (b) => {
      const r = parseResponse(b);
      if (r.sw !== 0x9000) errorForSw(r.sw, b.length % 2 === 0 ? 'verify' : 'select-aid');
    });
  });

  test('basic-4 decoder (DF21 offsets, UTF-8)', () => {
    fuzz(randomBytes(200), 8_000, decodeBasicInfoFile);
    fuzz(mutated(seed('basic')), 12_000, decodeBasicInfoFile);
  });

  test('My Number EF decoder', () => {
    fuzz(randomBytes(24), 5_000, decodeMyNumberFile);
    fuzz(mutated(seed('myNumber')), 5_000, decodeMyNumberFile);
  });

  test('integrity record decoder', () => {
    fuzz(randomBytes(120), 4_000, decodeIntegrityFile);
    fuzz(mutated(seed('integrity')), 6_000, decodeIntegrityFile);
  });

  test('token info decoder', () => {
    fuzz(randomBytes(200), 5_000, decodeTokenInfo);
    fuzz(mutated(seed('token')), 5_000, decodeTokenInfo);
  });

  test('certificate length header and certificate decoder', () => {
    fuzz(randomBytes(8), 5_000, certificateLength);
    fuzz(mutated(seed('cert')), 5_000, (b) => certificateLength(b));
    fuzz(mutated(seed('cert')), 2_500, decodeCertificateFile);
  });

  test('chained READ BINARY against a hostile card ends (value or CardError), bounded APDUs', async () => {
    const responses = fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(responses, async (script) => {
        let i = 0;
        const session: CardSession = {
          readerName: 'fuzz',
          atr: new Uint8Array(0),
          isOpen: true,
          transmit: async () => {
            const r = script[i++ % script.length] as Uint8Array;
            // Mostly well-formed frames (data + 9000 or a 61xx/6Cxx), sometimes raw garbage.
            return r.length % 5 === 0 ? r : Uint8Array.from([...r.subarray(2), r[0] === 0x61 ? 0x61 : 0x90, r[1] ?? 0]);
          },
          close: async () => {},
        };
        const ch = new ApduChannel(session);
        try {
          await readTlvFile(ch, { maxLength: 8192 });
        } catch (e) {
          if (!(e instanceof CardError)) throw e;
        }
        assert.ok(ch.apduCount <= 8192 / 1 + 64, 'bounded number of APDUs');
      }),
      { numRuns: 2_000, seed: 7 },
    );
    total += 2_000;
  });

  test('at least 100,000 inputs in total', () => {
    assert.ok(total >= 100_000, `only ${total} inputs`);
  });
});
