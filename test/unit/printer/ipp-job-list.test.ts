/** The Get-Jobs answer parser: total (any decoded message → list or typed error), strict per entry. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeIppMessage } from '../../../devices/printer/ipp/ipp-decode';
import { charsetAttr, enumAttr, integerAttr, keywordAttr, nameAttr, textAttr } from '../../../devices/printer/ipp/ipp-encode';
import { parseJobList } from '../../../devices/printer/ipp/ipp-job-list';
import { GroupTag, ValueTag, type IppAttribute, type IppMessage } from '../../../devices/printer/ipp/ipp-types';

const answer = (...jobs: IppAttribute[][]): IppMessage => ({
  version: { major: 2, minor: 0 },
  code: 0,
  requestId: 1,
  groups: [
    { tag: GroupTag.operation, attributes: [charsetAttr('attributes-charset', 'utf-8')] },
    ...jobs.map((attributes) => ({ tag: GroupTag.job, attributes })),
  ],
  data: new Uint8Array(0),
});
const job = (id: number, name: string, state = 9): IppAttribute[] => [
  integerAttr('job-id', id),
  nameAttr('job-name', name),
  enumAttr('job-state', state),
  keywordAttr('job-state-reasons', 'none'),
  integerAttr('job-impressions-completed', 2),
];

describe('Get-Jobs job list', () => {
  test('reads every job; an empty answer is an empty list', () => {
    assert.deepEqual(parseJobList(answer()), { ok: true, jobs: [] });
    const r = parseJobList(answer(job(1, 'certificate-A-1'), job(2, 'x', 5)));
    assert.deepEqual(r, {
      ok: true,
      jobs: [
        { jobId: 1, name: 'certificate-A-1', state: 'completed', reasonKeywords: ['none'], impressionsCompleted: 2 },
        { jobId: 2, name: 'x', state: 'processing', reasonKeywords: ['none'], impressionsCompleted: 2 },
      ],
    });
  });

  test('a job-name left out (private) or of text syntax matches nothing: null', () => {
    const r = parseJobList(
      answer(
        [integerAttr('job-id', 3), enumAttr('job-state', 9)],
        [integerAttr('job-id', 4), textAttr('job-name', 'certificate-A-1'), enumAttr('job-state', 9)],
      ),
    );
    assert.ok(r.ok);
    assert.deepEqual(
      r.jobs.map((j) => j.name),
      [null, null],
    );
  });

  test('an entry that cannot be trusted refuses the whole list with a typed error', () => {
    const cases: Array<[IppAttribute[][], string]> = [
      [[[nameAttr('job-name', 'a'), enumAttr('job-state', 9)]], 'bad-job-id'],
      [[[integerAttr('job-id', 0), enumAttr('job-state', 9)]], 'bad-job-id'],
      [[[enumAttr('job-id', 1), enumAttr('job-state', 9)]], 'bad-job-id'],
      [[[integerAttr('job-id', 1), integerAttr('job-state', 9)]], 'bad-job-state'],
      [[[integerAttr('job-id', 1), enumAttr('job-state', 12)]], 'bad-job-state'],
      [[[integerAttr('job-id', 1), enumAttr('job-state', 9), textAttr('job-state-reasons', 'none')]], 'bad-job-state-reasons'],
      [[job(1, 'a'), job(1, 'b')], 'duplicate-job-id'],
    ];
    for (const [jobs, code] of cases) {
      const r = parseJobList(answer(...jobs));
      assert.ok(!r.ok && r.error.code === code, `${code}: ${JSON.stringify(r)}`);
    }
  });

  test('total: any bytes decode to a message whose job list is a list or a typed error, never a throw', () => {
    const base = Buffer.from([
      0x02,
      0x00,
      0x00,
      0x00,
      0x00,
      0x00,
      0x00,
      0x01,
      GroupTag.job,
      ValueTag.integer,
      0x00,
      0x06,
      ...Buffer.from('job-id'),
      0x00,
      0x04,
      0,
      0,
      0,
      1,
    ]);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(200), (tail, cut) => {
        for (const bytes of [Uint8Array.from(tail), Uint8Array.from([...base.subarray(0, Math.min(cut, base.length)), ...tail])]) {
          const d = decodeIppMessage(bytes);
          if (!d.ok) continue;
          const r = parseJobList(d.message);
          assert.ok(r.ok ? Array.isArray(r.jobs) : typeof r.error.code === 'string');
        }
      }),
      { numRuns: 2000 },
    );
  });
});
