/**
 * The 手続きガイド data (`<content>/guide/`): life events, the procedures they need, screening
 * questions and offices. Validated at load with zod; cross-references (procedure ids, office ids,
 * form ids, screening questions in conditions) are checked too, each error naming file and path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { answerValueSchema, conditionSchema, localizedTextSchema, officeIdSchema, type GuideEvent, type LocalizedText } from '../../contract/applications';
import { conditionRefs } from './form-template-schema';
import { demoContentDir, issuePath } from './content-dir';

/** Search keywords per language (ja includes kana readings). */
const keywordsSchema = z.record(z.string(), z.array(z.string().min(1)));

const procedureSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: localizedTextSchema,
  keywords: keywordsSchema,
  kioskCanDo: z.boolean(),
  office: officeIdSchema,
  /** Form templates the kiosk fills for it (empty when it is done elsewhere). */
  formIds: z.array(z.string()),
  /** Field values fixed by the procedure (e.g. moveType = tenkyo); never asked. */
  presets: z.record(z.string(), answerValueSchema).optional(),
  documents: z.array(localizedTextSchema),
  note: localizedTextSchema.optional(),
});
export type GuideProcedureData = z.infer<typeof procedureSchema>;

const eventProcedureSchema = z.strictObject({
  id: z.string(),
  /** The procedure applies only when this holds on the screening answers. */
  when: conditionSchema.optional(),
  conditionLabel: localizedTextSchema.optional(),
  /** The citizen chooses whether to do it (e.g. a certificate). */
  optional: z.boolean().optional(),
});

const eventSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: localizedTextSchema,
  group: localizedTextSchema.optional(),
  keywords: keywordsSchema,
  procedures: z.array(eventProcedureSchema).min(1),
});
export type GuideEventData = z.infer<typeof eventSchema>;

const proceduresFileSchema = z.strictObject({
  offices: z.record(officeIdSchema, localizedTextSchema),
  screeningQuestions: z.array(z.strictObject({ id: z.string().regex(/^[a-z][A-Za-z0-9]*$/), label: localizedTextSchema })),
  procedures: z.array(procedureSchema).min(1),
});
const eventsFileSchema = z.strictObject({ events: z.array(eventSchema).min(1) });

export class GuideDataError extends Error {
  readonly code = 'invalid-guide';
  constructor(
    readonly file: string,
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${file}${path ? `: ${path}` : ''}: ${detail}`);
    this.name = 'GuideDataError';
  }
}

export interface GuideData {
  readonly events: readonly GuideEventData[];
  readonly procedures: ReadonlyMap<string, GuideProcedureData>;
  readonly screeningQuestions: ReadonlyMap<string, { id: string; label: LocalizedText }>;
  readonly offices: Readonly<Record<string, LocalizedText>>;
}

function parseWith<T>(schema: z.ZodType<T>, json: unknown, file: string): T {
  const r = schema.safeParse(json);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new GuideDataError(file, issuePath(issue), issue.message);
}

/** Validates parsed guide files; `formIds` are the known template ids. */
export function parseGuide(proceduresJson: unknown, eventsJson: unknown, formIds: ReadonlySet<string>): GuideData {
  const p = parseWith(proceduresFileSchema, proceduresJson, 'procedures.json');
  const e = parseWith(eventsFileSchema, eventsJson, 'life-events.json');
  const procedures = new Map<string, GuideProcedureData>();
  p.procedures.forEach((proc, i) => {
    if (procedures.has(proc.id)) throw new GuideDataError('procedures.json', `procedures.${i}.id`, `duplicate id "${proc.id}"`);
    proc.formIds.forEach((f, j) => {
      if (!formIds.has(f)) throw new GuideDataError('procedures.json', `procedures.${i}.formIds.${j}`, `unknown form "${f}"`);
    });
    if (!p.offices[proc.office]) throw new GuideDataError('procedures.json', `procedures.${i}.office`, `unknown office "${proc.office}"`);
    if (proc.kioskCanDo !== proc.formIds.length > 0) {
      throw new GuideDataError('procedures.json', `procedures.${i}.kioskCanDo`, 'a kiosk procedure needs forms, and only a kiosk procedure has them');
    }
    procedures.set(proc.id, proc);
  });
  const screening = new Map(p.screeningQuestions.map((q) => [q.id, q]));
  const seenEvents = new Set<string>();
  e.events.forEach((ev, i) => {
    if (seenEvents.has(ev.id)) throw new GuideDataError('life-events.json', `events.${i}.id`, `duplicate id "${ev.id}"`);
    seenEvents.add(ev.id);
    ev.procedures.forEach((ref, j) => {
      const at = `events.${i}.procedures.${j}`;
      if (!procedures.has(ref.id)) throw new GuideDataError('life-events.json', `${at}.id`, `unknown procedure "${ref.id}"`);
      for (const q of conditionRefs(ref.when)) {
        if (!screening.has(q)) throw new GuideDataError('life-events.json', `${at}.when`, `unknown screening question "${q}"`);
      }
      if (ref.when && !ref.conditionLabel)
        throw new GuideDataError('life-events.json', `${at}.conditionLabel`, 'a condition needs a label the citizen can read');
    });
  });
  return { events: e.events, procedures, screeningQuestions: screening, offices: p.offices };
}

/** Reads `<content>/guide/` (default the demo content's). */
export function loadGuide(formIds: ReadonlySet<string>, dir: string = join(demoContentDir(), 'guide')): GuideData {
  const read = (f: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(dir, f), 'utf8'));
    } catch (err) {
      throw new GuideDataError(f, '', `cannot read (${err instanceof Error ? err.message : 'error'})`);
    }
  };
  return parseGuide(read('procedures.json'), read('life-events.json'), formIds);
}

/** The renderer's view of one event (titles, procedures with office names and documents). */
export function guideEventView(guide: GuideData, eventId: string): GuideEvent | null {
  const ev = guide.events.find((x) => x.id === eventId);
  if (!ev) return null;
  return {
    id: ev.id,
    title: ev.title,
    ...(ev.group ? { group: ev.group } : {}),
    procedures: ev.procedures.map((ref) => {
      const p = guide.procedures.get(ref.id)!;
      return {
        id: p.id,
        name: p.name,
        kioskCanDo: p.kioskCanDo,
        office: p.office,
        officeName: guide.offices[p.office]!,
        formIds: p.formIds,
        documents: p.documents,
        ...(ref.conditionLabel ? { conditionLabel: ref.conditionLabel } : {}),
        ...(p.note ? { note: p.note } : {}),
        optional: ref.optional ?? false,
      };
    }),
  };
}
