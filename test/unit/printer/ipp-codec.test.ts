import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeIppMessage } from '../../../devices/printer/ipp/ipp-decode';
import {
  booleanAttr,
  charsetAttr,
  collectionAttr,
  dateTimeAttr,
  encodeIppMessage,
  enumAttr,
  integerAttr,
  keywordAttr,
  languageAttr,
  nameAttr,
  noValueAttr,
  rangeAttr,
  resolutionAttr,
  textAttr,
  uriAttr,
} from '../../../devices/printer/ipp/ipp-encode';
import { GroupTag, ValueTag, type IppMessage } from '../../../devices/printer/ipp/ipp-types';
import { readBoolean, readInteger, readKeywords, readString, findGroup } from '../../../devices/printer/ipp/ipp-read';

function sample(data: Uint8Array = new Uint8Array(0)): IppMessage {
  return {
    version: { major: 2, minor: 0 },
    code: 0x000b,
    requestId: 42,
    groups: [
      {
        tag: GroupTag.operation,
        attributes: [
          charsetAttr('attributes-charset', 'utf-8'),
          languageAttr('attributes-natural-language', 'en'),
          uriAttr('printer-uri', 'ipp://127.0.0.1/ipp/print'),
        ],
      },
      {
        tag: GroupTag.printer,
        attributes: [
          keywordAttr('printer-state-reasons', 'media-empty-error', 'toner-low-warning'),
          enumAttr('printer-state', 5),
          integerAttr('queued-job-count', -7),
          booleanAttr('printer-is-accepting-jobs', true),
          rangeAttr('copies-supported', 1, 99),
          resolutionAttr('printer-resolution-default', 600, 600),
          textAttr('printer-location', '区役所 1階ロビー'),
          nameAttr('printer-name', 'kiosk'),
          noValueAttr('media-ready'),
          dateTimeAttr('printer-current-time', new Date(Date.UTC(2025, 0, 2, 3, 4, 5))),
          collectionAttr('media-col-default', [
            collectionAttr('media-size', [integerAttr('x-dimension', 21000), integerAttr('y-dimension', 29700)]),
            keywordAttr('media-type', 'stationery'),
          ]),
          { name: 'printer-info', values: [{ kind: 'stringWithLanguage', tag: ValueTag.textWithLanguage, language: 'ja', value: '証明書プリンター' }] },
          { name: 'vendor-blob', values: [{ kind: 'other', tag: 0x5f, bytes: Uint8Array.of(1, 2, 3) }] },
        ],
      },
    ],
    data,
  };
}

describe('IPP codec', () => {
  test('round-trips every value syntax, collections and document data', () => {
    const m = sample(Buffer.from('%PDF-1.7 body'));
    const r = decodeIppMessage(encodeIppMessage(m));
    assert.ok(r.ok);
    assert.deepEqual({ ...r.message, data: Buffer.from(r.message.data) }, { ...m, data: Buffer.from(m.data) });
  });

  test('typed readers accept the right syntax and refuse the wrong one', () => {
    const r = decodeIppMessage(encodeIppMessage(sample()));
    assert.ok(r.ok);
    const g = findGroup(r.message, GroupTag.printer);
    assert.equal(readInteger(g, 'printer-state', true), 5);
    assert.equal(readInteger(g, 'printer-state'), undefined, 'an enum is not an integer');
    assert.equal(readInteger(g, 'queued-job-count'), -7);
    assert.equal(readBoolean(g, 'printer-is-accepting-jobs'), true);
    assert.deepEqual(readKeywords(g, 'printer-state-reasons'), ['media-empty-error', 'toner-low-warning']);
    assert.equal(readKeywords(g, 'printer-name'), undefined, 'a name is not a keyword');
    assert.equal(readString(g, 'printer-info'), '証明書プリンター');
    assert.equal(readInteger(g, 'absent'), undefined);
  });

  test('every strict prefix of a message is a typed error, never a throw', () => {
    const bytes = encodeIppMessage(sample());
    for (let n = 0; n < bytes.length; n++) {
      const r = decodeIppMessage(bytes.subarray(0, n));
      assert.equal(r.ok, false, `prefix ${n} must not decode`);
      if (!r.ok) assert.match(r.error.code, /^ipp\./);
    }
  });

  const header = [2, 0, 0, 0, 0, 0, 0, 1];
  const cases: [string, number[], string][] = [
    ['attribute before any group', [...header, 0x21, 0, 1, 0x61, 0, 4, 0, 0, 0, 1, 3], 'ipp.bad-tag'],
    ['reserved delimiter 0x00', [...header, 0x00, 3], 'ipp.bad-tag'],
    ['integer of 3 bytes', [...header, 1, 0x21, 0, 1, 0x61, 0, 3, 0, 0, 1, 3], 'ipp.bad-value'],
    ['boolean 2', [...header, 1, 0x22, 0, 1, 0x61, 0, 1, 2, 3], 'ipp.bad-value'],
    ['additional value first', [...header, 1, 0x21, 0, 0, 0, 4, 0, 0, 0, 1, 3], 'ipp.bad-structure'],
    ['invalid UTF-8 text', [...header, 1, 0x41, 0, 1, 0x61, 0, 2, 0xc3, 0x28, 3], 'ipp.bad-value'],
    ['control char in keyword', [...header, 1, 0x44, 0, 1, 0x61, 0, 1, 0x07, 3], 'ipp.bad-value'],
    ['collection never closed', [...header, 4, 0x34, 0, 1, 0x63, 0, 0, 0x4a, 0, 0, 0, 1, 0x78, 0x21, 0, 0, 0, 4, 0, 0, 0, 1], 'ipp.bad-structure'],
    ['stray end-collection', [...header, 4, 0x37, 0, 1, 0x63, 0, 0, 3], 'ipp.bad-tag'],
    ['name length past the end', [...header, 1, 0x44, 0xff, 0xff, 0x61], 'ipp.truncated'],
    ['no end-of-attributes', [...header, 1], 'ipp.truncated'],
  ];
  for (const [name, bytes, code] of cases) {
    test(`malformed: ${name} -> ${code}`, () => {
      const r = decodeIppMessage(Uint8Array.from(bytes));
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.error.code, code);
    });
  }

  test('deeply nested collections are refused, not recursed without bound', () => {
    const open = [0x34, 0, 0, 0, 0, 0x4a, 0, 0, 0, 1, 0x78];
    const bytes = [...header, 4, 0x34, 0, 1, 0x63, 0, 0, 0x4a, 0, 0, 0, 1, 0x78, ...Array(50).fill(open).flat()];
    const r = decodeIppMessage(Uint8Array.from(bytes));
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.error.code, 'ipp.too-large');
  });

  test('random and mutated input never throws', () => {
    const valid = encodeIppMessage(sample());
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const r = decodeIppMessage(b);
        assert.equal(typeof r.ok, 'boolean');
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), (edits) => {
        const b = Uint8Array.from(valid);
        for (const [i, v] of edits) b[i] = v;
        const r = decodeIppMessage(b);
        if (r.ok) assert.ok(Array.isArray(r.message.groups));
      }),
      { numRuns: 2000 },
    );
  });
});
