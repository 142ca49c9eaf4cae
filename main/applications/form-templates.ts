/**
 * Loads and validates the form templates in `<content>/forms/`. A broken template is refused with
 * a `FormTemplateError` naming the file and the path of the bad key (e.g.
 * `jumin-ido-todoke.json: fields.3.source`), so a city editor can fix the data without code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { formTemplateSchema, type FormTemplate, type TemplateField } from './form-template-schema';
import { demoContentDir, issuePath } from './content-dir';

/** Files in forms/ that are not templates. */
const NOT_TEMPLATES = new Set(['kana-keyboard.json', 'messages.json']);

export class FormTemplateError extends Error {
  readonly code = 'invalid-template';
  constructor(
    /** The file (base name) at fault. */
    readonly file: string,
    /** Dotted path of the bad key inside it, '' for the whole file. */
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${file}${path ? `: ${path}` : ''}: ${detail}`);
    this.name = 'FormTemplateError';
  }
}

export interface FormRegistry {
  /** Template id → template, in file-name order. */
  readonly templates: ReadonlyMap<string, FormTemplate>;
  /** Field id → its first definition (all definitions agree on type, options and validation). */
  readonly fields: ReadonlyMap<string, TemplateField>;
}

/** Validates one parsed template; throws FormTemplateError with the first issue's path. */
export function parseFormTemplate(json: unknown, file: string): FormTemplate {
  const r = formTemplateSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new FormTemplateError(file, issuePath(issue), issue.message);
  }
  if (r.data.id !== file.replace(/\.json$/, '')) {
    throw new FormTemplateError(file, 'id', `id "${r.data.id}" does not match the file name`);
  }
  return r.data;
}

/** Checks that templates agree on shared fields and that derivations name known fields. */
export function buildRegistry(templates: FormTemplate[]): FormRegistry {
  const byId = new Map<string, FormTemplate>();
  const fields = new Map<string, TemplateField>();
  const owner = new Map<string, string>();
  for (const t of templates) {
    if (byId.has(t.id)) throw new FormTemplateError(`${t.id}.json`, 'id', 'duplicate template id');
    byId.set(t.id, t);
    t.fields.forEach((f, i) => {
      const prev = fields.get(f.id);
      if (!prev) {
        fields.set(f.id, f);
        owner.set(f.id, t.id);
        return;
      }
      const same =
        prev.type === f.type && prev.source === f.source && isDeepStrictEqual(prev.options, f.options) && isDeepStrictEqual(prev.validation, f.validation);
      if (!same) {
        throw new FormTemplateError(
          `${t.id}.json`,
          `fields.${i}`,
          `field "${f.id}" differs from its definition in ${owner.get(f.id)}.json (type, source, options and validation must match)`,
        );
      }
    });
  }
  for (const t of templates) {
    t.fields.forEach((f, i) => {
      for (const a of [...(f.args ?? []), ...(f.defaultFrom?.args ?? [])]) {
        const ref = a.includes(':') && (f.source === 'derived:switch' || f.defaultFrom?.rule === 'switch') ? a.slice(a.indexOf(':') + 1) : a;
        if (ref.startsWith('=') || ref === 'today' || fields.has(ref)) continue;
        // The first argument of switch is the field it switches on.
        throw new FormTemplateError(`${t.id}.json`, `fields.${i}.args`, `unknown field "${ref}"`);
      }
    });
  }
  return { templates: byId, fields };
}

/** Reads every template in `dir` (default the demo content's forms/). */
export function loadFormTemplates(dir: string = join(demoContentDir(), 'forms')): FormRegistry {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !NOT_TEMPLATES.has(f))
    .sort();
  const templates = files.map((file) => {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      throw new FormTemplateError(file, '', `not valid JSON (${e instanceof Error ? e.message : 'parse error'})`);
    }
    return parseFormTemplate(json, file);
  });
  return buildRegistry(templates);
}

let cached: FormRegistry | null = null;
/** The demo content's registry, loaded once (content never changes at run time). */
export function formRegistry(): FormRegistry {
  cached ??= loadFormTemplates();
  return cached;
}
