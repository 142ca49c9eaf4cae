import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import {
  canonicalJson,
  CanonicalJsonError,
  certificateContentSchema,
  contentHash,
  sealCertificate,
  verifySeal,
  decodeSealPayload,
  SealError,
} from '../../../platform/certificate-seal';
import { ALL_TYPES, sample, TEST_PRIVATE_KEY, TEST_PUBLIC_KEY } from './samples';

describe('canonical JSON', () => {
  test('sorts keys, drops undefined, no whitespace, NFC', () => {
    const decomposed = 'ka\u3099'.replace('ka', '\u304B'); // か + combining dakuten = が after NFC
    assert.equal(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, [decomposed]: decomposed }), '{"a":[true,null,"x"],"b":1,"が":"が"}');
  });
  test('is stable under key order and property insertion order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        assert.equal(canonicalJson(obj), canonicalJson(reversed));
        assert.deepEqual(JSON.parse(canonicalJson(obj)) !== undefined, true);
      }),
    );
  });
  test('keeps CJK compatibility ideographs only in NFC form (documented)', () => {
    assert.equal(canonicalJson('\uFA19'), '"\u795E"');
  });
  test('refuses floats and non-plain values with a typed error', () => {
    assert.throws(() => canonicalJson({ x: 1.5 }), CanonicalJsonError);
    assert.throws(() => canonicalJson({ x: new Date(0) }), CanonicalJsonError);
    assert.throws(() => canonicalJson({ x: 10n }), CanonicalJsonError);
  });
  test('the same content always hashes the same', () => {
    assert.equal(contentHash(sample('juminhyo')), contentHash(sample('juminhyo')));
    assert.notEqual(contentHash(sample('juminhyo')), contentHash(sample('inkan')));
  });
});

describe('content schema', () => {
  test('all sample types are valid', () => {
    for (const t of ALL_TYPES) assert.equal(certificateContentSchema.safeParse(sample(t)).success, true, t);
  });
  test('a 個人番号 field is rejected anywhere (strict objects)', () => {
    const c = sample('juminhyo') as unknown as { members: Record<string, unknown>[] } & Record<string, unknown>;
    c.members[0]!.myNumber = '123456789018';
    assert.equal(certificateContentSchema.safeParse(c).success, false);
    const d = sample('juminhyo') as unknown as Record<string, unknown>;
    d.individualNumber = '123456789018';
    assert.equal(certificateContentSchema.safeParse(d).success, false);
  });
  test('options and fields must agree', () => {
    const c = sample('juminhyo');
    c.include.honsekiAndHittosha = false; // but rows still carry 本籍
    assert.equal(certificateContentSchema.safeParse(c).success, false);
    const s = sample('juminhyo');
    s.scope = 'self'; // 3 members
    assert.equal(certificateContentSchema.safeParse(s).success, false);
  });
});

describe('seal and verify', () => {
  test('round trip for every type, QR text compact', () => {
    for (const t of ALL_TYPES) {
      const c = sample(t);
      const { payload, signature } = sealCertificate(c, TEST_PRIVATE_KEY);
      assert.ok(payload.startsWith('MDG1.') && payload.endsWith(`.${signature}`));
      assert.ok(payload.length < 700, `${t}: ${payload.length} chars`);
      const r = verifySeal(payload, TEST_PUBLIC_KEY, { content: c });
      assert.equal(r.ok, true, t);
      if (r.ok) {
        assert.equal(r.content.serialNumber, c.serialNumber);
        assert.equal(r.content.type, t);
        assert.equal(r.content.issuedAt, c.issuedAt);
      }
    }
  });
  test('tampered record or signature fails', () => {
    const { payload } = sealCertificate(sample('juminhyo'), TEST_PRIVATE_KEY);
    const [p, body, sig] = payload.split('.') as [string, string, string];
    const rec = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    rec.s = 'KKT-2025-999999';
    const forgedBody = Buffer.from(canonicalJson(rec)).toString('base64url');
    assert.deepEqual(verifySeal(`${p}.${forgedBody}.${sig}`, TEST_PUBLIC_KEY), { ok: false, reason: 'bad-signature' });
    const flipped = sig.slice(0, 10) + (sig[10] === 'A' ? 'B' : 'A') + sig.slice(11);
    assert.deepEqual(verifySeal(`${p}.${body}.${flipped}`, TEST_PUBLIC_KEY), { ok: false, reason: 'bad-signature' });
  });
  test('a seal for other content is a content mismatch', () => {
    const c = sample('juminhyo');
    const { payload } = sealCertificate(c, TEST_PRIVATE_KEY);
    c.address = c.address.replace('101', '102');
    assert.deepEqual(verifySeal(payload, TEST_PUBLIC_KEY, { content: c }), { ok: false, reason: 'content-mismatch' });
  });
  test('another key does not verify; wrong key kinds are typed', () => {
    const other = generateKeyPairSync('ed25519');
    const { payload } = sealCertificate(sample('inkan'), other.privateKey);
    assert.deepEqual(verifySeal(payload, TEST_PUBLIC_KEY), { ok: false, reason: 'bad-signature' });
    assert.deepEqual(verifySeal(payload, 'not a key'), { ok: false, reason: 'bad-key' });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    assert.throws(() => sealCertificate(sample('inkan'), ec.privateKey), SealError);
    assert.throws(() => sealCertificate({ type: 'inkan' } as never, TEST_PRIVATE_KEY), SealError);
  });
  test('unknown version and garbage are told apart', () => {
    assert.deepEqual(verifySeal('MDG2.abc.def', TEST_PUBLIC_KEY), { ok: false, reason: 'unsupported-version' });
    assert.deepEqual(verifySeal('https://example.invalid/', TEST_PUBLIC_KEY), { ok: false, reason: 'malformed' });
    assert.equal(decodeSealPayload('MDG1..'), undefined);
  });
  test('verifySeal is total on arbitrary strings and mutations', () => {
    const { payload } = sealCertificate(sample('kazei'), TEST_PRIVATE_KEY);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
        const r = verifySeal(s, TEST_PUBLIC_KEY);
        assert.equal(r.ok, false);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(payload.length - 1), fc.string({ minLength: 1, maxLength: 1 }), (i, ch) => {
        const mutated = payload.slice(0, i) + ch + payload.slice(i + 1);
        const r = verifySeal(mutated, TEST_PUBLIC_KEY);
        assert.equal(r.ok, mutated === payload);
      }),
      { numRuns: 300 },
    );
    assert.equal(verifySeal(undefined as unknown as string, TEST_PUBLIC_KEY).ok, false);
  });
});
