import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addressPrefix, lookupPostal } from '../../../main/applications/postal-lookup';

describe('postal lookup (Kitakyushu, Japan Post data)', () => {
  test('802-0001 is 小倉北区浅野, in any writing', () => {
    for (const input of ['8020001', '802-0001', '８０２－０００１', '〒802-0001', ' 802 0001 ']) {
      const r = lookupPostal(input);
      assert.ok(r.ok, input);
      assert.equal(r.candidates.length, 1);
      assert.equal(r.candidates[0]!.city, '北九州市小倉北区');
      assert.equal(r.candidates[0]!.town, '浅野');
      assert.equal(r.candidates[0]!.cityCode, '40106');
      assert.equal(addressPrefix(r.candidates[0]!), '福岡県北九州市小倉北区浅野');
    }
  });
  test('800-0000 is the rest of 門司区; 801-0851 is 門司区東本町', () => {
    const a = lookupPostal('800-0000');
    assert.ok(a.ok);
    assert.equal(a.candidates[0]!.city, '北九州市門司区');
    assert.equal(a.candidates[0]!.town, '');
    const b = lookupPostal('8010851');
    assert.ok(b.ok);
    assert.equal(b.candidates[0]!.town, '東本町');
  });
  test('every ward is present', () => {
    const wards = new Set<string>();
    for (const code of ['8000000', '8080000', '8040000', '8020000', '8050000', '8060000']) {
      const r = lookupPostal(code);
      if (r.ok) for (const c of r.candidates) wards.add(c.city);
    }
    assert.equal(wards.size, 7, [...wards].join(','));
  });
  test('a code shared by two wards gives both candidates (802-0000: 小倉北区 and 小倉南区)', () => {
    const r = lookupPostal('802-0000');
    assert.ok(r.ok);
    assert.deepEqual(r.candidates.map((c) => c.city).sort(), ['北九州市小倉北区', '北九州市小倉南区'].sort());
  });
  test('bad input and unknown codes are typed errors', () => {
    assert.deepEqual(lookupPostal('802-001'), { ok: false, error: { code: 'bad-format' } });
    assert.deepEqual(lookupPostal('abcdefg'), { ok: false, error: { code: 'bad-format' } });
    assert.deepEqual(lookupPostal(8020001), { ok: false, error: { code: 'bad-format' } });
    assert.deepEqual(lookupPostal(null), { ok: false, error: { code: 'bad-format' } });
    assert.deepEqual(lookupPostal('100-0001'), { ok: false, error: { code: 'not-found' } });
  });
  test('total over arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        lookupPostal(x);
      }),
    );
  });
});
