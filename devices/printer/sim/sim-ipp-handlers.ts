/**
 * The simulator's IPP operations: request checks of RFC 8011 section 4.1, then Get-Printer-Attributes,
 * Validate-Job, Print-Job, Get-Job-Attributes, Get-Jobs and Cancel-Job against the model.
 * Always answers with an IPP message; never throws for anything a client sends.
 */
import { Operation, Status, PDF_FORMAT } from '../ipp/ipp-constants';
import { charsetAttr, integerAttr, languageAttr, textAttr } from '../ipp/ipp-encode';
import { findAttr, findGroup, readBoolean, readInteger, readKeywords, readString } from '../ipp/ipp-read';
import { GroupTag, ValueTag, type IppAttribute, type IppGroup, type IppMessage } from '../ipp/ipp-types';
import { OPERATIONS_SUPPORTED, SUPPORTED_FORMATS, expandRequested, jobAttributes, printerAttributes, type SimAttributeContext } from './sim-attributes';
import type { SimJob } from './sim-printer-model';

/** Called with each accepted job so the server can spool its document. */
export type OnJobAccepted = (job: SimJob) => void;

interface Reply {
  status: number;
  message?: string;
  groups?: IppGroup[];
}

const fail = (status: number, message: string): Reply => ({ status, message });
const filter = (attrs: IppAttribute[], names: Set<string> | null): IppAttribute[] => (names ? attrs.filter((a) => names.has(a.name)) : attrs);

const ended = (j: SimJob): boolean => j.state === 'canceled' || j.state === 'aborted' || j.state === 'completed';

/** which-jobs values as CUPS supports them. A client filters further (e.g. by job-name) itself. */
export const WHICH_JOBS: ReadonlyMap<string, (j: SimJob) => boolean> = new Map<string, (j: SimJob) => boolean>([
  ['all', () => true],
  ['completed', ended],
  ['not-completed', (j) => !ended(j)],
  ['aborted', (j) => j.state === 'aborted'],
  ['canceled', (j) => j.state === 'canceled'],
  ['pending', (j) => j.state === 'pending'],
  ['processing', (j) => j.state === 'processing'],
  ['processing-stopped', (j) => j.state === 'processing-stopped'],
]);

/** Attributes CUPS keeps private by default (JobPrivateValues): shown to the job's owner only. */
const PRIVATE = new Set(['job-name', 'job-originating-user-name']);

/** Drops private job values when the requesting user is not the job's owner (or says no name). */
function visible(attrs: IppAttribute[], job: SimJob, op: IppGroup): IppAttribute[] {
  const user = readString(op, 'requesting-user-name');
  return user !== undefined && user.toLowerCase() === job.user.toLowerCase() ? attrs : attrs.filter((a) => !PRIVATE.has(a.name));
}

function checkOperationGroup(req: IppMessage): Reply | null {
  if (req.requestId === 0) return fail(Status.clientErrorBadRequest, 'request-id must not be 0');
  const first = req.groups[0];
  if (!first || first.tag !== GroupTag.operation) return fail(Status.clientErrorBadRequest, 'missing operation attributes');
  const [cs, nl] = first.attributes;
  if (cs?.name !== 'attributes-charset' || nl?.name !== 'attributes-natural-language') {
    return fail(Status.clientErrorBadRequest, 'attributes-charset and attributes-natural-language must come first');
  }
  const charset = cs.values.length === 1 && cs.values[0]?.tag === ValueTag.charset ? (cs.values[0] as { value: string }).value.toLowerCase() : '';
  if (charset !== 'utf-8' && charset !== 'us-ascii') return fail(Status.clientErrorCharsetNotSupported, 'charset not supported');
  if (!findAttr(first, 'printer-uri') && !findAttr(first, 'job-uri')) return fail(Status.clientErrorBadRequest, 'missing printer-uri');
  return null;
}

/** Resolves the target job from job-uri or printer-uri + job-id. */
function targetJob(ctx: SimAttributeContext, op: IppGroup): SimJob | Reply {
  const uri = readString(op, 'job-uri');
  let id: number | undefined;
  if (uri !== undefined) {
    const prefix = `${ctx.printerUri}/`;
    const rest = uri.startsWith(prefix) ? uri.slice(prefix.length) : '';
    id = /^[1-9][0-9]{0,8}$/.test(rest) ? Number(rest) : undefined;
  } else {
    id = readInteger(op, 'job-id');
  }
  if (id === undefined) return fail(Status.clientErrorBadRequest, 'missing or bad job-id / job-uri');
  return ctx.model.findJob(id) ?? fail(Status.clientErrorNotFound, 'no such job');
}

/** Checks a job request (Validate-Job, Print-Job); returns the format and copies or a failure. */
function checkJobRequest(req: IppMessage, op: IppGroup, withDocument: boolean): { format: string; copies: number; substituted: IppAttribute[] } | Reply {
  const format = readString(op, 'document-format') ?? PDF_FORMAT;
  if (!SUPPORTED_FORMATS.includes(format)) return fail(Status.clientErrorDocumentFormatNotSupported, 'only application/pdf is supported');
  const compression = readKeywords(op, 'compression');
  if (compression && (compression.length !== 1 || compression[0] !== 'none')) return fail(0x040f, 'compression not supported');
  const jobGroup = findGroup(req, GroupTag.job);
  const copiesAttr = findAttr(jobGroup, 'copies');
  let copies = 1;
  const substituted: IppAttribute[] = [];
  if (copiesAttr) {
    const v = readInteger(jobGroup, 'copies');
    if (v !== undefined && v >= 1 && v <= 99) copies = v;
    else if (readBoolean(op, 'ipp-attribute-fidelity') === true) return fail(Status.clientErrorAttributesOrValuesNotSupported, 'copies out of range');
    else substituted.push(copiesAttr);
  }
  if (withDocument) {
    const head = Buffer.from(req.data.subarray(0, 5)).toString('latin1');
    if (head !== '%PDF-') return fail(Status.clientErrorDocumentFormatError, 'document is not a PDF');
  }
  return { format: format === 'application/octet-stream' ? PDF_FORMAT : format, copies, substituted };
}

function handle(ctx: SimAttributeContext, req: IppMessage, onJob: OnJobAccepted): Reply {
  const bad = checkOperationGroup(req);
  if (bad) return bad;
  const op = req.groups[0] as IppGroup;
  const requested = readKeywords(op, 'requested-attributes');
  switch (req.code) {
    case Operation.GetPrinterAttributes:
      return {
        status: Status.successfulOk,
        groups: [{ tag: GroupTag.printer, attributes: filter(printerAttributes(ctx), expandRequested(requested, 'printer', null)) }],
      };
    case Operation.ValidateJob:
    case Operation.PrintJob: {
      const checked = checkJobRequest(req, op, req.code === Operation.PrintJob);
      if ('status' in checked) return checked;
      const status = checked.substituted.length > 0 ? Status.successfulOkIgnoredOrSubstituted : Status.successfulOk;
      const unsupported = checked.substituted.length > 0 ? [{ tag: GroupTag.unsupported, attributes: checked.substituted }] : [];
      if (req.code === Operation.ValidateJob) return { status, groups: unsupported };
      const job = ctx.model.addJob({
        name: readString(op, 'job-name') ?? 'untitled',
        user: readString(op, 'requesting-user-name') ?? 'anonymous',
        format: checked.format,
        copies: checked.copies,
        document: Buffer.from(req.data),
      });
      onJob(job);
      const names = new Set(['job-id', 'job-uri', 'job-state', 'job-state-reasons', 'job-state-message']);
      const attrs = [...filter(jobAttributes(ctx, job), names), integerAttr('number-of-intervening-jobs', Math.max(0, ctx.model.queuedJobCount() - 1))];
      return { status, groups: [...unsupported, { tag: GroupTag.job, attributes: attrs }] };
    }
    case Operation.GetJobAttributes: {
      const job = targetJob(ctx, op);
      if ('status' in job) return job;
      return {
        status: Status.successfulOk,
        groups: [{ tag: GroupTag.job, attributes: visible(filter(jobAttributes(ctx, job), expandRequested(requested, 'job', null)), job, op) }],
      };
    }
    case Operation.GetJobs: {
      // Like CUPS: which-jobs defaults to not-completed; `all` and the single states of PWG 5100.7 too.
      const which = readKeywords(op, 'which-jobs')?.[0] ?? 'not-completed';
      const match = WHICH_JOBS.get(which);
      if (!match) return fail(Status.clientErrorAttributesOrValuesNotSupported, 'which-jobs not supported');
      // my-jobs: only the requesting user's jobs (CUPS compares user names without case).
      const mine = readBoolean(op, 'my-jobs') === true ? (readString(op, 'requesting-user-name') ?? 'anonymous').toLowerCase() : null;
      let jobs = ctx.model.jobs.filter((j) => match(j) && (mine === null || j.user.toLowerCase() === mine));
      const limit = readInteger(op, 'limit');
      if (limit !== undefined && limit > 0) jobs = jobs.slice(0, limit);
      const names = expandRequested(requested, 'job', ['job-id', 'job-uri']);
      return {
        status: Status.successfulOk,
        groups: jobs.map((j) => ({ tag: GroupTag.job, attributes: visible(filter(jobAttributes(ctx, j), names), j, op) })),
      };
    }
    case Operation.CancelJob: {
      const job = targetJob(ctx, op);
      if ('status' in job) return job;
      return ctx.model.cancelJob(job.id) ? { status: Status.successfulOk } : fail(Status.clientErrorNotPossible, 'job already ended');
    }
    default:
      return fail(Status.serverErrorOperationNotSupported, `operation 0x${req.code.toString(16)} not supported (supported: ${OPERATIONS_SUPPORTED.join(',')})`);
  }
}

/** Answers one decoded request. */
export function handleIppRequest(ctx: SimAttributeContext, req: IppMessage, onJob: OnJobAccepted): IppMessage {
  const version = req.version.major === 1 || req.version.major === 2 ? req.version : { major: 1, minor: 1 };
  const reply: Reply = version === req.version ? handle(ctx, req, onJob) : fail(Status.serverErrorVersionNotSupported, 'IPP version not supported');
  const opAttrs = [charsetAttr('attributes-charset', 'utf-8'), languageAttr('attributes-natural-language', 'en')];
  if (reply.message) opAttrs.push(textAttr('status-message', reply.message));
  return {
    version,
    code: reply.status,
    requestId: req.requestId,
    groups: [{ tag: GroupTag.operation, attributes: opAttrs }, ...(reply.groups ?? [])],
    data: new Uint8Array(0),
  };
}

/** The answer to bytes that are not an IPP message at all. */
export function badRequestReply(): IppMessage {
  return {
    version: { major: 1, minor: 1 },
    code: Status.clientErrorBadRequest,
    requestId: 0,
    groups: [
      {
        tag: GroupTag.operation,
        attributes: [
          charsetAttr('attributes-charset', 'utf-8'),
          languageAttr('attributes-natural-language', 'en'),
          textAttr('status-message', 'malformed IPP request'),
        ],
      },
    ],
    data: new Uint8Array(0),
  };
}
