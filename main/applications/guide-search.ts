/**
 * Search over the guide's life events and procedures, in Japanese (kanji, katakana, hiragana-only
 * readings) and the UI's other languages. Both the query and every searchable text go through
 * `normalizeForSearch` (NFKC, katakana → hiragana, lower case, no spaces), so 「ヒッコシ」,
 * 「ひっこし」 and 「ﾋｯｺｼ」 are the same query. Total: any string gives a (possibly empty) list.
 */
import type { GuideSearchHit, LocalizedText } from '../../contract/applications';
import type { GuideData } from './guide-data';
import { normalizeForSearch } from './kana';

/** Queries longer than this are cut: nobody types a paragraph into a kiosk search box. */
const MAX_QUERY = 64;

interface Entry {
  kind: 'event' | 'procedure';
  id: string;
  title: LocalizedText;
  eventIds: string[];
  /** Normalised texts with their weight (titles weigh more than keywords). */
  texts: { text: string; weight: number }[];
}

export interface GuideIndex {
  readonly entries: readonly Entry[];
}

function textsOf(title: LocalizedText, keywords: Record<string, string[]>): Entry['texts'] {
  const out: Entry['texts'] = [];
  for (const t of Object.values(title)) out.push({ text: normalizeForSearch(t), weight: 1.2 });
  for (const list of Object.values(keywords)) for (const k of list) out.push({ text: normalizeForSearch(k), weight: 1 });
  return out.filter((t) => t.text.length > 0);
}

/** Builds the index once per guide. */
export function buildGuideIndex(guide: GuideData): GuideIndex {
  const entries: Entry[] = [];
  for (const ev of guide.events) {
    entries.push({ kind: 'event', id: ev.id, title: ev.title, eventIds: [ev.id], texts: textsOf(ev.title, ev.keywords) });
  }
  for (const p of guide.procedures.values()) {
    const eventIds = guide.events.filter((ev) => ev.procedures.some((r) => r.id === p.id)).map((ev) => ev.id);
    entries.push({ kind: 'procedure', id: p.id, title: p.name, eventIds, texts: textsOf(p.name, p.keywords) });
  }
  return { entries };
}

/** Score of one text against a normalised query: exact > prefix > contains > query contains text. */
function scoreText(text: string, q: string): number {
  if (text === q) return 100;
  if (text.startsWith(q)) return 70 + Math.min(20, (q.length / text.length) * 20);
  if (text.includes(q)) return 50 + Math.min(10, (q.length / text.length) * 10);
  // A long query that contains a whole keyword (「引っ越しの手続き」 contains 「引っ越し」).
  if (text.length >= 2 && q.includes(text)) return 30 + Math.min(10, text.length);
  return 0;
}

/**
 * Ranked hits for `query`; events before procedures at equal score, then guide order.
 * Multi-word queries (space separated) need every word to match somewhere in the entry.
 */
export function searchGuide(index: GuideIndex, query: unknown, limit = 20): GuideSearchHit[] {
  if (typeof query !== 'string') return [];
  const words = query
    .slice(0, MAX_QUERY)
    .normalize('NFKC')
    .split(/[\s\u3000]+/u)
    .map(normalizeForSearch)
    .filter((w) => w.length > 0);
  if (words.length === 0) return [];
  const hits: (GuideSearchHit & { order: number })[] = [];
  index.entries.forEach((e, order) => {
    let total = 0;
    for (const w of words) {
      let best = 0;
      for (const t of e.texts) best = Math.max(best, scoreText(t.text, w) * t.weight);
      if (best === 0) return;
      total += best;
    }
    const score = Math.round((total / words.length) * 10) / 10 + (e.kind === 'event' ? 0.5 : 0);
    hits.push({ kind: e.kind, id: e.id, eventIds: e.eventIds, title: e.title, score, order });
  });
  hits.sort((a, b) => b.score - a.score || a.order - b.order);
  return hits.slice(0, Math.max(0, limit)).map(({ order: _order, ...h }) => h);
}
