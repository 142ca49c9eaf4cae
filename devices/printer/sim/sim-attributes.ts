/**
 * The simulator's printer and job attributes (RFC 8011 sections 5.3-5.4, PWG 5100.7 media-col),
 * built from the model on each request so they always match the simulated state.
 */
import { PDF_FORMAT } from '../ipp/ipp-constants';
import {
  booleanAttr,
  charsetAttr,
  collectionAttr,
  dateTimeAttr,
  enumAttr,
  integerAttr,
  keywordAttr,
  languageAttr,
  mimeAttr,
  nameAttr,
  noValueAttr,
  rangeAttr,
  resolutionAttr,
  textAttr,
  uriAttr,
} from '../ipp/ipp-encode';
import type { IppAttribute } from '../ipp/ipp-types';
import type { SimJob, SimPrinterModel } from './sim-printer-model';

/** What the attribute builders need besides the model. */
export interface SimAttributeContext {
  model: SimPrinterModel;
  printerUri: string;
  /** http:// page with the simulator status (printer-more-info). */
  moreInfoUri: string;
}

export const SUPPORTED_FORMATS = [PDF_FORMAT, 'application/octet-stream'];
export const OPERATIONS_SUPPORTED = [0x0002, 0x0004, 0x0008, 0x0009, 0x000a, 0x000b];

const JOB_STATE_ENUM = { pending: 3, processing: 5, 'processing-stopped': 6, canceled: 7, aborted: 8, completed: 9 } as const;

/** Parses a PWG self-describing media name into hundredths of mm, e.g. iso_a4_210x297mm -> 21000 x 29700. */
export function mediaSize(name: string): { x: number; y: number } | null {
  const m = /_(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(mm|in)$/.exec(name);
  if (!m) return null;
  const k = m[3] === 'mm' ? 100 : 2540;
  return { x: Math.round(Number(m[1]) * k), y: Math.round(Number(m[2]) * k) };
}

function mediaCol(name: string): IppAttribute[] {
  const size = mediaSize(name) ?? { x: 21000, y: 29700 };
  return [
    collectionAttr('media-size', [integerAttr('x-dimension', size.x), integerAttr('y-dimension', size.y)]),
    integerAttr('media-bottom-margin', 423),
    integerAttr('media-left-margin', 423),
    integerAttr('media-right-margin', 423),
    integerAttr('media-top-margin', 423),
    keywordAttr('media-source', 'main'),
    keywordAttr('media-type', 'stationery'),
  ];
}

function tonerLevel(model: SimPrinterModel): number {
  if (model.faults.has('toner-empty')) return 0;
  return model.faults.has('toner-low') ? 5 : 80;
}

/** All printer attributes, in a stable order. */
export function printerAttributes(ctx: SimAttributeContext): IppAttribute[] {
  const { model } = ctx;
  const c = model.config;
  const media = c.media;
  const ready = model.faults.has('media-empty') ? [] : media;
  const stateMessage = model.isBlocked() ? `stopped: ${model.printerStateReasons().join(', ')}` : 'ready';
  return [
    uriAttr('printer-uri-supported', ctx.printerUri),
    keywordAttr('uri-security-supported', 'none'),
    keywordAttr('uri-authentication-supported', 'none'),
    nameAttr('printer-name', c.name),
    textAttr('printer-location', c.location),
    textAttr('printer-info', c.info),
    textAttr('printer-make-and-model', c.makeAndModel),
    uriAttr('printer-more-info', ctx.moreInfoUri),
    enumAttr('printer-state', model.printerState()),
    keywordAttr('printer-state-reasons', ...model.printerStateReasons()),
    textAttr('printer-state-message', stateMessage),
    booleanAttr('printer-is-accepting-jobs', true),
    integerAttr('queued-job-count', model.queuedJobCount()),
    keywordAttr('ipp-versions-supported', '1.0', '1.1', '2.0'),
    enumAttr('operations-supported', ...OPERATIONS_SUPPORTED),
    charsetAttr('charset-configured', 'utf-8'),
    charsetAttr('charset-supported', 'utf-8', 'us-ascii'),
    languageAttr('natural-language-configured', 'en'),
    languageAttr('generated-natural-language-supported', 'en'),
    mimeAttr('document-format-default', PDF_FORMAT),
    mimeAttr('document-format-supported', ...SUPPORTED_FORMATS),
    keywordAttr('pdl-override-supported', 'attempted'),
    integerAttr('printer-up-time', model.upTime()),
    dateTimeAttr('printer-current-time', new Date()),
    keywordAttr('compression-supported', 'none'),
    keywordAttr('media-default', media[0] as string),
    keywordAttr('media-supported', ...media),
    ready.length > 0 ? keywordAttr('media-ready', ...ready) : noValueAttr('media-ready'),
    collectionAttr('media-col-default', mediaCol(media[0] as string)),
    collectionAttr('media-col-database', ...media.map(mediaCol)),
    ...(ready.length > 0 ? [collectionAttr('media-col-ready', ...ready.map(mediaCol))] : []),
    keywordAttr(
      'media-col-supported',
      'media-size',
      'media-type',
      'media-source',
      'media-bottom-margin',
      'media-left-margin',
      'media-right-margin',
      'media-top-margin',
    ),
    collectionAttr(
      'media-size-supported',
      ...media.map((m) => {
        const sz = mediaSize(m) ?? { x: 21000, y: 29700 };
        return [integerAttr('x-dimension', sz.x), integerAttr('y-dimension', sz.y)];
      }),
    ),
    keywordAttr('media-type-supported', 'stationery'),
    keywordAttr('media-source-supported', 'main'),
    integerAttr('media-bottom-margin-supported', 423),
    integerAttr('media-left-margin-supported', 423),
    integerAttr('media-right-margin-supported', 423),
    integerAttr('media-top-margin-supported', 423),
    keywordAttr('output-bin-default', 'face-down'),
    keywordAttr('output-bin-supported', 'face-down'),
    integerAttr('copies-default', 1),
    rangeAttr('copies-supported', 1, 99),
    booleanAttr('color-supported', c.color),
    keywordAttr('sides-default', 'one-sided'),
    keywordAttr('sides-supported', 'one-sided'),
    enumAttr('finishings-default', 3),
    enumAttr('finishings-supported', 3),
    enumAttr('orientation-requested-default', 3),
    enumAttr('orientation-requested-supported', 3, 4),
    enumAttr('print-quality-default', 4),
    enumAttr('print-quality-supported', 4),
    resolutionAttr('printer-resolution-default', 600, 600),
    resolutionAttr('printer-resolution-supported', 600, 600),
    integerAttr('pages-per-minute', c.ppm),
    ...(c.color ? [integerAttr('pages-per-minute-color', c.ppm)] : []),
    booleanAttr('multiple-document-jobs-supported', false),
    integerAttr('multiple-operation-time-out', 60),
    keywordAttr('which-jobs-supported', 'aborted', 'all', 'canceled', 'completed', 'not-completed', 'pending', 'processing', 'processing-stopped'),
    keywordAttr('job-sheets-default', 'none'),
    keywordAttr('job-sheets-supported', 'none'),
    nameAttr('marker-names', 'Black Toner'),
    nameAttr('marker-colors', '#000000'),
    keywordAttr('marker-types', 'toner'),
    integerAttr('marker-levels', tonerLevel(model)),
    integerAttr('marker-low-levels', 10),
    integerAttr('marker-high-levels', 100),
  ];
}

/** The job's URI: the printer URI plus `/<job-id>`. */
export function jobUri(printerUri: string, id: number): string {
  return `${printerUri}/${id}`;
}

/** All job attributes, in a stable order. */
export function jobAttributes(ctx: SimAttributeContext, job: SimJob): IppAttribute[] {
  const time = (name: string, v: number | null): IppAttribute => (v === null ? noValueAttr(name) : integerAttr(name, v));
  return [
    integerAttr('job-id', job.id),
    uriAttr('job-uri', jobUri(ctx.printerUri, job.id)),
    uriAttr('job-printer-uri', ctx.printerUri),
    nameAttr('job-name', job.name),
    nameAttr('job-originating-user-name', job.user),
    enumAttr('job-state', JOB_STATE_ENUM[job.state]),
    keywordAttr('job-state-reasons', ...job.stateReasons),
    textAttr('job-state-message', job.state),
    integerAttr('job-printer-up-time', ctx.model.upTime()),
    integerAttr('time-at-creation', job.timeAtCreation),
    time('time-at-processing', job.timeAtProcessing),
    time('time-at-completed', job.timeAtCompleted),
    integerAttr('job-impressions', job.pages * job.copies),
    integerAttr('job-impressions-completed', job.impressionsCompleted),
    integerAttr('job-media-sheets-completed', job.impressionsCompleted),
    integerAttr('job-k-octets', Math.ceil(job.document.length / 1024)),
    integerAttr('copies', job.copies),
    mimeAttr('document-format', job.format),
    integerAttr('number-of-documents', 1),
  ];
}

/** Names a requested-attributes group keyword stands for, or null for 'all'. */
export function expandRequested(requested: string[] | undefined, kind: 'printer' | 'job', defaults: string[] | null): Set<string> | null {
  if (!requested) return defaults ? new Set(defaults) : null;
  if (requested.includes('all')) return null;
  const groups = kind === 'printer' ? ['printer-description', 'job-template'] : ['job-description', 'job-template', 'job-status'];
  if (requested.some((r) => groups.includes(r))) return null;
  return new Set(requested);
}
