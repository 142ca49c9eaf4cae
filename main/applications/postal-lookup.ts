/**
 * Postal code → address candidates from the ward content's postal data
 * (`<content>/postal/postal-codes.json`; the demo's is Kitakyushu's extract of Japan Post's data,
 * made by build/scripts/extract-postal.ts). Total: any input gives candidates or a typed error.
 * Accepts 8020001, 802-0001, full-width ８０２－０００１, 〒.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { PostalCandidate } from '../../contract/applications';
import { demoContentDir, issuePath } from './content-dir';

export type PostalLookupResult = { ok: true; postalCode: string; candidates: PostalCandidate[] } | { ok: false; error: { code: 'bad-format' | 'not-found' } };

/** The file's shape: `rows` are `[postal code, 全国地方公共団体コード, 町域]`. */
const postalDataSchema = z.object({
  source: z.string().min(1),
  prefecture: z.string().min(1),
  wards: z.record(z.string().regex(/^\d{5}$/), z.string().min(1)),
  rows: z.array(z.tuple([z.string().regex(/^\d{7}$/), z.string().regex(/^\d{5}$/), z.string()])),
});
export type PostalData = z.infer<typeof postalDataSchema>;

export class PostalDataError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'PostalDataError';
  }
}

/** Normalises to 7 ASCII digits or null. */
export function normalizePostalCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 32) return null;
  const s = input.normalize('NFKC').replace(/[\s〒\-‐‑–—−ー]/gu, '');
  return /^\d{7}$/.test(s) ? s : null;
}

/** One content folder's postal codes, indexed. */
export class PostalDirectory {
  private readonly index = new Map<string, PostalCandidate[]>();
  /** Where the data came from (shown in the about screen). */
  readonly source: string;

  constructor(data: PostalData) {
    this.source = data.source;
    for (const [postalCode, cityCode, town] of data.rows) {
      const list = this.index.get(postalCode) ?? [];
      list.push({ postalCode, prefecture: data.prefecture, city: data.wards[cityCode] ?? '', town, cityCode });
      this.index.set(postalCode, list);
    }
  }

  lookup(input: unknown): PostalLookupResult {
    const code = normalizePostalCode(input);
    if (!code) return { ok: false, error: { code: 'bad-format' } };
    const candidates = this.index.get(code);
    if (!candidates) return { ok: false, error: { code: 'not-found' } };
    return { ok: true, postalCode: code, candidates: candidates.map((c) => ({ ...c })) };
  }
}

/** Reads and validates `<contentDir>/postal/postal-codes.json`; a broken file is refused, naming the bad key. */
export function loadPostalDirectory(contentDir: string): PostalDirectory {
  const file = join(contentDir, 'postal', 'postal-codes.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new PostalDataError(file, err instanceof SyntaxError ? 'not valid JSON' : ((err as NodeJS.ErrnoException).code ?? 'unreadable'));
  }
  const parsed = postalDataSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PostalDataError(file, `${issuePath(issue)}: ${issue.message}`);
  }
  return new PostalDirectory(parsed.data);
}

let demo: PostalDirectory | null = null;
/** The demo content's postal codes, loaded on first use. */
export function defaultPostalDirectory(): PostalDirectory {
  demo ??= loadPostalDirectory(demoContentDir());
  return demo;
}

/** Looks `input` up in the demo content's postal codes. */
export function lookupPostal(input: unknown): PostalLookupResult {
  return defaultPostalDirectory().lookup(input);
}

/** The address prefix a candidate gives (「福岡県北九州市小倉北区浅野」); the citizen adds the rest. */
export function addressPrefix(c: PostalCandidate): string {
  return `${c.prefecture}${c.city}${c.town}`;
}
