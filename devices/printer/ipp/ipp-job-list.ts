/**
 * The job list of a Get-Jobs answer (RFC 8011 section 4.2.6), validated: each job-attributes
 * group becomes one entry or the whole answer is refused. A list the kiosk cannot trust entry by
 * entry must not be read as "our job is not there" (that would print a certificate twice), so a
 * malformed entry is a typed error, never a skipped row. Total: any decoded message gives a list
 * or a `JobListError`; it never throws.
 */
import { jobStateName, type JobStateName } from './ipp-constants';
import { findAttr, readInteger, readKeywords } from './ipp-read';
import { GroupTag, ValueTag, type IppGroup, type IppMessage } from './ipp-types';

/** One job as a Get-Jobs answer listed it. */
export interface IppJobEntry {
  /** The printer's job-id (>= 1). */
  jobId: number;
  /**
   * job-name as the printer sent it, or null when it left it out or sent another syntax
   * (printers hide it for jobs of other users: such an entry never matches a name).
   */
  name: string | null;
  /** job-state. */
  state: JobStateName;
  /** job-state-reasons ([] when the printer left them out). */
  reasonKeywords: string[];
  /** job-impressions-completed, or null when absent or negative. */
  impressionsCompleted: number | null;
}

/** Why a Get-Jobs answer was refused. */
export interface JobListError {
  code: 'bad-job-id' | 'bad-job-state' | 'bad-job-state-reasons' | 'duplicate-job-id' | 'too-many-jobs';
  /** Index of the job group (0-based) where it was noticed. */
  index: number;
}

export type JobListResult = { ok: true; jobs: IppJobEntry[] } | { ok: false; error: JobListError };

/** Far beyond any real job history; a longer list is a broken or hostile printer. */
const MAX_JOBS = 5_000;

/** job-name if it has `name` syntax (nameWithoutLanguage or nameWithLanguage, one value), else null. */
export function readJobName(g: IppGroup): string | null {
  const a = findAttr(g, 'job-name');
  const v = a?.values[0];
  if (!a || a.values.length !== 1 || !v) return null;
  if (v.kind === 'string' && v.tag === ValueTag.nameWithoutLanguage) return v.value;
  if (v.kind === 'stringWithLanguage' && v.tag === ValueTag.nameWithLanguage) return v.value;
  return null;
}

/** Reads every job-attributes group of a (successful) Get-Jobs answer. */
export function parseJobList(m: IppMessage): JobListResult {
  const groups = m.groups.filter((g) => g.tag === GroupTag.job);
  if (groups.length > MAX_JOBS) return { ok: false, error: { code: 'too-many-jobs', index: MAX_JOBS } };
  const seen = new Set<number>();
  const jobs: IppJobEntry[] = [];
  for (const [index, g] of groups.entries()) {
    const jobId = readInteger(g, 'job-id');
    if (jobId === undefined || jobId < 1) return { ok: false, error: { code: 'bad-job-id', index } };
    if (seen.has(jobId)) return { ok: false, error: { code: 'duplicate-job-id', index } };
    seen.add(jobId);
    const se = readInteger(g, 'job-state', true);
    const state = se === undefined ? null : jobStateName(se);
    if (!state) return { ok: false, error: { code: 'bad-job-state', index } };
    const reasons = findAttr(g, 'job-state-reasons') ? readKeywords(g, 'job-state-reasons') : [];
    if (!reasons) return { ok: false, error: { code: 'bad-job-state-reasons', index } };
    const pages = readInteger(g, 'job-impressions-completed');
    jobs.push({ jobId, name: readJobName(g), state, reasonKeywords: reasons, impressionsCompleted: pages !== undefined && pages >= 0 ? pages : null });
  }
  return { ok: true, jobs };
}
