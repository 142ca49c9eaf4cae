import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ApduChannel } from '../../../devices/card/apdu/apdu-channel';
import { encodeCommand, readBinary, selectAid, verify } from '../../../devices/card/apdu/command-apdu';
import { errorForSw, parseResponse } from '../../../devices/card/apdu/response-apdu';
import { readTlvFile } from '../../../devices/card/apdu/read-binary-file';
import { isCardError } from '../../../devices/card/card-errors';
import { JPKI_AID } from '../../../devices/card/mynumber/card-constants';
import { hex, ScriptedSession, toHex } from './scripted-session';

describe('command and response APDUs', () => {
  test('encodes the reference SELECT, READ BINARY and VERIFY forms', () => {
    assert.equal(toHex(encodeCommand(selectAid(JPKI_AID))), '00A4040C0AD392F000260100000001');
    assert.equal(toHex(encodeCommand(readBinary(0x0100, 256))), '00B0010000');
    assert.equal(toHex(encodeCommand(verify())), '00200080');
    assert.equal(toHex(encodeCommand(verify(hex('31323334')))), '002000800431323334');
    assert.equal(toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 1000 })), '00B000000003E8');
  });

  test('status words map to typed errors', () => {
    const cases: Array<[number, string, number | undefined]> = [
      [0x63c2, 'wrong-pin', 2],
      [0x63c0, 'wrong-pin', 0],
      [0x6984, 'pin-blocked', 0],
      [0x6982, 'security-status-not-satisfied', undefined],
      [0x6a82, 'file-not-found', undefined],
      [0x6700, 'wrong-length', undefined],
      [0x6c10, 'wrong-length', undefined],
      [0x6d00, 'unexpected-status', undefined],
    ];
    for (const [sw, code, tries] of cases) {
      const e = errorForSw(sw);
      assert.equal(e.code, code, sw.toString(16));
      assert.equal(e.triesLeft, tries);
    }
    assert.equal(errorForSw(0x6a82, 'select-aid').code, 'not-my-number-card');
  });

  test('a response shorter than a status word or with a bad SW1 is malformed', () => {
    assert.throws(
      () => parseResponse(hex('90')),
      (e) => isCardError(e, 'malformed-response'),
    );
    assert.throws(
      () => parseResponse(hex('0102')),
      (e) => isCardError(e, 'malformed-response'),
    );
    assert.deepEqual(parseResponse(hex('AABB9000')).sw, 0x9000);
  });
});

describe('ApduChannel', () => {
  test('61xx is completed with GET RESPONSE and the parts are joined', async () => {
    const s = new ScriptedSession([
      ['00B0000004', '0102 6102'],
      ['00C0000002', '0304 9000'],
    ]);
    const ch = new ApduChannel(s);
    const r = await ch.send(readBinary(0, 4));
    assert.equal(toHex(r.data), '01020304');
    assert.equal(ch.apduCount, 2);
    s.done();
  });

  test('6Cxx re-sends once with the corrected Le', async () => {
    const s = new ScriptedSession([
      ['00B0000000', '6C11'],
      ['00B0000011', 'FF100C3132333435363738393031320000 9000'.replace(/0000 9000/, 'FFFF9000')],
    ]);
    const data = await new ApduChannel(s).sendOk(readBinary(0, 256));
    assert.equal(data.length, 17);
    s.done();
  });

  test('a VERIFY answered 6Cxx is never re-sent', async () => {
    const s = new ScriptedSession([['002000800431323334', '6C04']]);
    const r = await new ApduChannel(s).send(verify(hex('31323334')));
    assert.equal(r.sw, 0x6c04);
    s.done();
  });

  test('a VERIFY is never re-sent even when it carries an Le (the 6Cxx re-send skips VERIFY itself, not only Le-less commands)', async () => {
    const s = new ScriptedSession([['00200080043132333400', '6C04']]);
    const r = await new ApduChannel(s).send({ ...verify(hex('31323334')), le: 256 });
    assert.equal(r.sw, 0x6c04);
    s.done();
  });

  test('an endless 61xx chain ends with a typed error', async () => {
    const steps: Array<[string, string]> = [['00B0000001', '6101']];
    for (let i = 0; i < 64; i++) steps.push(['00C0000001', '00 6101']);
    await assert.rejects(new ApduChannel(new ScriptedSession(steps)).send(readBinary(0, 1)), (e) => isCardError(e, 'malformed-response'));
  });
});

describe('chained READ BINARY', () => {
  test('learns the length from the header and reads the rest in chunks, never the filler', async () => {
    const file = new Uint8Array(4 + 0x258);
    file.set(hex('30820258'));
    for (let i = 4; i < file.length; i++) file[i] = i & 0xff;
    const chunk = (a: number, b: number) => toHex(file.subarray(a, b)) + '9000';
    const s = new ScriptedSession([
      ['00B0000000', chunk(0, 256)],
      ['00B0010000', chunk(256, 512)],
      ['00B002005C', chunk(512, 604)],
    ]);
    const got = await readTlvFile(new ApduChannel(s), { maxLength: 8192 });
    assert.deepEqual(got, file);
    s.done();
  });

  test('a header longer than the limit is refused before reading on', async () => {
    const s = new ScriptedSession([['00B0000000', '30827FFF' + '00'.repeat(20) + '9000']]);
    await assert.rejects(readTlvFile(new ApduChannel(s), { maxLength: 8192 }), (e) => isCardError(e, 'malformed-response'));
    s.done();
  });

  test('a file shorter than its header (empty chunk) ends instead of looping', async () => {
    const s = new ScriptedSession([
      ['00B0000000', '3082 0200 0102 9000'],
      ['00B0000600', '9000'],
    ]);
    await assert.rejects(readTlvFile(new ApduChannel(s), { maxLength: 8192 }), (e) => isCardError(e, 'malformed-response'));
  });
});
