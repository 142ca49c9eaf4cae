/**
 * `form:lookup` asks only the ward a format-2 QR names, every ward for an older QR or a bare
 * receipt number, and --ward when given. The transport is injected: the test sees each URL asked.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { wardBasePath, wardIds, type SubmissionLookup, type WardId } from '../../../contract/ward-api';
import { runFormLookup, type Answer, type AskWard } from '../../../main/documents/forms/form-lookup-cli';
import { formQrText } from '../../../main/documents/forms/form-qr';

const RECEIPT = '4010701-20261128-0007';
const ORIGIN = 'https://127.0.0.1:9';

const body: SubmissionLookup = {
  receiptNumber: '40107-20261128-000001',
  kind: 'move-within-city',
  status: 'received',
  receivedAt: '2026-11-28T10:00:00+09:00',
  localReceiptNumber: RECEIPT,
  kioskId: 'kiosk-test-01',
  forms: [{ templateId: 'jumin-ido-todoke', title: '住民異動届' }],
  eSigned: false,
};

/** A fake city: the submission is held by `holder`; every URL asked is recorded. */
function city(holder: WardId, held: SubmissionLookup = body) {
  const asked: string[] = [];
  const ask: AskWard = async (url) => {
    asked.push(url);
    const found = url === `${ORIGIN}${wardBasePath(holder)}/v1/submissions/by-receipt/${RECEIPT}`;
    return (found ? { kind: 'found', body: held } : { kind: 'absent' }) satisfies Answer;
  };
  return { ask, asked };
}

async function lookup(args: string[], ask: AskWard) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFormLookup([...args, '--url', ORIGIN], { out: (l) => out.push(l), err: (l) => err.push(l) }, { ask, timeoutMs: 100 });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const askedWards = (asked: string[]) => asked.map((u) => /\/wards\/([a-z]+)\//.exec(u)?.[1]);

describe('form:lookup asks the ward the QR names', () => {
  test('a new QR (format 2): exactly one ward is asked, and the submission is found there', async () => {
    const { ask, asked } = city('kokuraminami');
    const r = await lookup([formQrText('jumin-ido-todoke', RECEIPT, 'kokuraminami')], ask);
    assert.equal(r.code, 0, r.out + r.err);
    assert.deepEqual(askedWards(asked), ['kokuraminami']);
    assert.match(r.err, /asking: kokuraminami \(from the QR\)/);
    assert.match(r.out, /小倉南区 kokuraminami/);
  });

  test('an old QR (format 1) and a bare receipt number: all seven wards are asked', async () => {
    for (const input of [formQrText('jumin-ido-todoke', RECEIPT), RECEIPT]) {
      const { ask, asked } = city('kokuraminami');
      const r = await lookup([input], ask);
      assert.equal(r.code, 0, r.out + r.err);
      assert.deepEqual(askedWards(asked).sort(), [...wardIds].sort());
    }
  });

  test('a new QR naming a ward that does not hold it: not found (1), no other ward asked', async () => {
    const { ask, asked } = city('kokuraminami');
    const r = await lookup([formQrText('jumin-ido-todoke', RECEIPT, 'moji')], ask);
    assert.equal(r.code, 1);
    assert.deepEqual(askedWards(asked), ['moji']);
  });

  test('--ward overrides the QR (with a note); a QR with an unknown ward code is a usage error, nothing asked', async () => {
    const { ask, asked } = city('kokuraminami');
    const r = await lookup([formQrText('jumin-ido-todoke', RECEIPT, 'moji'), '--ward', 'kokuraminami'], ask);
    assert.equal(r.code, 0, r.out + r.err);
    assert.deepEqual(askedWards(asked), ['kokuraminami']);
    assert.match(r.err, /instead of the QR's ward moji/);
    const bad = await lookup([`MADOGUCHI-FORM:jumin-ido-todoke:${RECEIPT}:13101`], ask);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown-ward/);
    assert.equal(asked.length, 1, 'nothing more was asked');
  });

  test('the clerk is told whether the back end verified an e-signature, or to check the handwritten one', async () => {
    const unsigned = await lookup([RECEIPT], city('kokuraminami').ask);
    assert.match(unsigned.out, /電子署名 \/ e-signature: +なし/);
    const signed = await lookup([RECEIPT], city('kokuraminami', { ...body, eSigned: true }).ask);
    assert.match(signed.out, /電子署名 \/ e-signature: +あり/);
  });
});
