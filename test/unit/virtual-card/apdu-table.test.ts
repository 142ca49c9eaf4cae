/**
 * Table-driven APDU tests of the virtual card: each row is a sequence of (command, expected
 * response) sent to a fresh card-001; expected `SW` only, or a regex over the whole response hex.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { harness, JPKI_AID, TEXT_AID, VISUAL_AID, JUKI_AID, COMMON_AID, selectAid, selectEf, verify } from './card-harness';

type Step = [command: string, expected: string | RegExp];
const rows: [name: string, steps: Step[]][] = [
  ['MF: 00 A4 00 00 after reset → 6A86', [['00A40000', '6A86']]],
  [
    'MF: 3F00 by FID → 6A82',
    [
      ['00A4000002 3F00', '6A82'],
      ['00A4020C023F00', '6A82'],
    ],
  ],
  [
    'SELECT each AID → 9000',
    [
      [selectAid(JPKI_AID), '9000'],
      [selectAid(TEXT_AID), '9000'],
      [selectAid(VISUAL_AID), '9000'],
      [selectAid(JUKI_AID), '9000'],
      [selectAid(COMMON_AID), '9000'],
    ],
  ],
  ['SELECT unknown AID → 6A82', [[selectAid('D392F000260100000002'), '6A82']]],
  ['SELECT AID with P2=00 returns an FCI', [[`00A404000A${JPKI_AID}00`, /^6F0C840AD392F0002601000000019000$/]]],
  ['SELECT AID with bad P2 → 6A86', [[`00A404040A${JPKI_AID}`, '6A86']]],
  ['SELECT AID without data → 6700', [['00A4040C', '6700']]],
  ['SELECT with P1=08 → 6A86', [['00A4080C020001', '6A86']]],
  ['SELECT EF without an AP → 6A82', [[selectEf('000A'), '6A82']]],
  [
    'SELECT EF with 3-byte FID → 6700',
    [
      [selectAid(JPKI_AID), '9000'],
      ['00A4020C0300000A', '6700'],
    ],
  ],
  [
    'SELECT unknown EF → 6A82',
    [
      [selectAid(JPKI_AID), '9000'],
      [selectEf('0009'), '6A82'],
      [selectEf('001E'), '6A82'],
    ],
  ],
  [
    'READ BINARY without current EF → 6986',
    [
      [selectAid(JPKI_AID), '9000'],
      ['00B0000004', '6986'],
    ],
  ],
  [
    'READ BINARY 000A open, starts 30 82',
    [
      [selectAid(JPKI_AID), '9000'],
      [selectEf('000A'), '9000'],
      ['00B0000004', /^3082[0-9A-F]{4}9000$/],
    ],
  ],
  [
    'READ BINARY Le=00 → 256 bytes',
    [
      [selectAid(JPKI_AID), '9000'],
      [selectEf('000B'), '9000'],
      ['00B0000000', /^3082([0-9A-F]{2}){254}9000$/],
    ],
  ],
  [
    'READ BINARY past the end → 6B00, Le beyond end → rest',
    [
      [selectAid(JPKI_AID), '9000'],
      [selectEf('0008'), '9000'],
      ['00B0000000', '8F8F009000'],
      ['00B0000200', '009000'],
      ['00B0000300', '6B00'],
      ['00B07FFF01', '6B00'],
    ],
  ],
  [
    'READ BINARY SFI form (P1=0x80|SFI, P2 offset)',
    [
      [selectAid(JPKI_AID), '9000'],
      ['00B0880102', '8F009000'],
      ['00B08A0002', '30829000'],
    ],
  ],
  [
    'READ BINARY SFI with bad bits → 6A86; unknown SFI → 6A82',
    [
      [selectAid(JPKI_AID), '9000'],
      ['00B0A80002', '6A86'],
      ['00B0890002', '6A82'],
    ],
  ],
  [
    'READ BINARY with data → 6700; no Le → 6700',
    [
      [selectAid(JPKI_AID), '9000'],
      [selectEf('0008'), '9000'],
      ['00B0000001FF', '6700'],
      ['00B00000', '6700'],
    ],
  ],
  [
    'READ BINARY of a PIN EF → 6981',
    [
      [selectAid(JPKI_AID), '9000'],
      [selectEf('0018'), '9000'],
      ['00B0000004', '6981'],
    ],
  ],
  [
    'signing cert 0001 needs the signing password',
    [
      [selectAid(JPKI_AID), '9000'],
      [selectEf('0001'), '9000'],
      ['00B0000004', '6982'],
      [selectEf('001B'), '9000'],
      [verify('ABC123'), '9000'],
      [selectEf('0001'), '9000'],
      ['00B0000004', /^3082[0-9A-F]{4}9000$/],
    ],
  ],
  [
    'signing CA 0002 open',
    [
      [selectAid(JPKI_AID), '9000'],
      [selectEf('0002'), '9000'],
      ['00B0000002', '30829000'],
    ],
  ],
  [
    'token info label',
    [
      [selectAid(JPKI_AID), '9000'],
      [selectEf('0006'), '9000'],
      ['00B0000010', `${Buffer.from('JPKIAPICCTOKEN2 ').toString('hex').toUpperCase()}9000`],
    ],
  ],
  [
    'text AP 0001 needs PIN or 照合番号A, not B',
    [
      [selectAid(TEXT_AID), '9000'],
      [selectEf('0001'), '9000'],
      ['00B0000000', '6982'],
      [selectEf('0015'), '9000'],
      [verify('55021720342285'), '9000'],
      [selectEf('0001'), '9000'],
      ['00B0000000', '6982'],
      [selectEf('0014'), '9000'],
      [verify('382719460526'), '9000'],
      [selectEf('0001'), '9000'],
      ['00B0000000', /^FF100C333832373139343630353236FFFF9000$/],
    ],
  ],
  [
    'text AP 0002 opens with B, not A',
    [
      [selectAid(TEXT_AID), '9000'],
      [selectEf('0014'), '9000'],
      [verify('382719460526'), '9000'],
      [selectEf('0002'), '9000'],
      ['00B0000003', '6982'],
      [selectEf('0015'), '9000'],
      [verify('55021720342285'), '9000'],
      [selectEf('0002'), '9000'],
      ['00B0000002', 'FF209000'],
    ],
  ],
  [
    'text AP 0003 with PIN; 0004/0005 open',
    [
      [selectAid(TEXT_AID), '9000'],
      [selectEf('0004'), '9000'],
      ['00B0000005', '7F218202339000'],
      [selectEf('0005'), '9000'],
      ['00B0000005', 'FF4082009F9000'],
      [selectEf('0003'), '9000'],
      ['00B0000005', '6982'],
      [selectEf('0011'), '9000'],
      [verify('1234'), '9000'],
      [selectEf('0003'), '9000'],
      ['00B0000005', 'FF3082014B9000'],
    ],
  ],
  [
    'text AP 0012 blocked at issue → 6984',
    [
      [selectAid(TEXT_AID), '9000'],
      [selectEf('0012'), '9000'],
      ['00200080', '6984'],
    ],
  ],
  [
    'VERIFY with P2=0x80|SFI skips the SELECT',
    [
      [selectAid(TEXT_AID), '9000'],
      ['00200091', '63C3'],
      ['0020009104 31323334', '9000'],
    ],
  ],
  [
    'VERIFY with P1≠00 or bad P2 → 6A86; without EF → 6986; on a data EF → 6981',
    [
      [selectAid(TEXT_AID), '9000'],
      ['00200180', '6A86'],
      ['00200040', '6A86'],
      ['00200080', '6986'],
      [selectEf('0004'), '9000'],
      ['00200080', '6981'],
    ],
  ],
  [
    'VERIFY with 17 bytes → 6700 without using a try',
    [
      [selectAid(JPKI_AID), '9000'],
      [selectEf('0018'), '9000'],
      [`0020008011${'31'.repeat(17)}`, '6700'],
      ['00200080', '63C3'],
    ],
  ],
  [
    'COMPUTE SIGNATURE without PIN → 6982',
    [
      [selectAid(JPKI_AID), '9000'],
      [selectEf('0017'), '9000'],
      ['802A00800330313200', '6982'],
    ],
  ],
  [
    'COMPUTE SIGNATURE after PIN → 256 bytes',
    [
      [selectAid(JPKI_AID), '9000'],
      [selectEf('0018'), '9000'],
      [verify('1234'), '9000'],
      [selectEf('0017'), '9000'],
      ['802A00800330313200', /^([0-9A-F]{2}){256}9000$/],
      ['802A009703303132 00', /^([0-9A-F]{2}){256}9000$/],
    ],
  ],
  [
    'COMPUTE SIGNATURE errors: P1 01 → 6A86, on a cert EF → 6981, 246 bytes → 6700, no data → 6700',
    [
      [selectAid(JPKI_AID), '9000'],
      [selectEf('0018'), '9000'],
      [verify('1234'), '9000'],
      [selectEf('0017'), '9000'],
      ['802A01800330313200', '6A86'],
      [`802A0080F6${'00'.repeat(246)}00`, '6700'],
      ['802A008000', '6700'],
      [selectEf('000A'), '9000'],
      ['802A00800330313200', '6981'],
    ],
  ],
  [
    'signing key needs the signing password, not the auth PIN',
    [
      [selectAid(JPKI_AID), '9000'],
      [selectEf('0018'), '9000'],
      [verify('1234'), '9000'],
      [selectEf('001A'), '9000'],
      ['802A00800330313200', '6982'],
    ],
  ],
  [
    'SELECT of an AP clears verified PINs',
    [
      [selectAid(JPKI_AID), '9000'],
      [selectEf('0018'), '9000'],
      [verify('1234'), '9000'],
      [selectAid(JPKI_AID), '9000'],
      [selectEf('0017'), '9000'],
      ['802A00800330313200', '6982'],
    ],
  ],
  [
    'GET CHALLENGE 8 / 256 bytes; bad P1P2 and Lc',
    [
      ['0084000008', /^([0-9A-F]{2}){8}9000$/],
      ['0084000000', /^([0-9A-F]{2}){256}9000$/],
      ['0084010008', '6A86'],
      ['008400000101', '6700'],
    ],
  ],
  [
    'GET DATA at MF: ATR without TS, municipality, expiry; in an AP → 6985',
    [
      ['00CA5F5100', '/'],
      ['00CA00F000', `${Buffer.from('40106').toString('hex').toUpperCase()}9000`],
      ['00CA00F200', `${Buffer.from('20340217').toString('hex').toUpperCase()}9000`],
      ['00CA123400', '6A88'],
      [selectAid(JPKI_AID), '9000'],
      ['00CA00F000', '6985'],
    ],
  ],
  [
    'common AP READ RECORD 1 by SFI',
    [
      [selectAid(COMMON_AID), '9000'],
      ['00B2010C00', /^011C[0-9A-F]{56}9000$/],
      ['00B2020C00', '6A83'],
      ['00B2010800', '6A86'],
    ],
  ],
  [
    '住基AP record needs the 住基 PIN',
    [
      [selectAid(JUKI_AID), '9000'],
      ['00B2011400', '6982'],
      [selectEf('001C'), '9000'],
      [verify('1234'), '9000'],
      ['00B2011400', /^0{32}9000$/],
    ],
  ],
  [
    '券面AP basic info open, image EFs not modelled → 6A82',
    [
      [selectAid(VISUAL_AID), '9000'],
      [selectEf('0003'), '9000'],
      ['00B0000002', 'FF309000'],
      [selectEf('0011'), '9000'],
      [verify('550217'), '9000'],
      [selectEf('0002'), '6A82'],
    ],
  ],
  [
    'CLA: channel → 6881, SM → 6882/6882, other → 6E00, wrong class for INS → 6E00',
    [
      [`01A4040C0A${JPKI_AID}`, '6881'],
      [`08A4040C0A${JPKI_AID}`, '6882'],
      [`0CA4040C0A${JPKI_AID}`, '6882'],
      [`A0A4040C0A${JPKI_AID}`, '6E00'],
      [`80A4040C0A${JPKI_AID}`, '6E00'],
      ['002A00800330313200', '6E00'],
    ],
  ],
  [
    'INS unknown → 6D00',
    [
      ['00C0000000', '6D00'],
      ['00880000', '6D00'],
      ['8032008000', '6D00'],
    ],
  ],
  [
    'malformed lengths → 6700',
    [
      ['00', '6700'],
      ['00A404', '6700'],
      ['00A4040C0AD392', '6700'],
      ['00A4040C000001', '6700'],
      ['00B0000000000000FF', '6700'],
    ],
  ],
];

describe('virtual card APDU table (card-001)', () => {
  for (const [name, steps] of rows) {
    test(name, () => {
      const t = harness('card-001');
      steps.forEach(([command, expected], i) => {
        const got = t.tx(command);
        const where = `step ${i + 1} (${command.slice(0, 14)}…)`;
        if (expected === '/') assert.equal(got, `${Buffer.from(t.card.atr.subarray(1)).toString('hex').toUpperCase()}9000`, where);
        else if (typeof expected === 'string') assert.equal(got, expected.replace(/\s+/g, ''), where);
        else assert.match(got, expected, where);
      });
    });
  }
});
