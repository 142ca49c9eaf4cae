/**
 * ISO dates → 和暦 text as 戸籍 entries print them (令和7年11月28日, 元年 for year 1).
 */
const ERAS: { name: string; start: string }[] = [
  { name: '令和', start: '2019-05-01' },
  { name: '平成', start: '1989-01-08' },
  { name: '昭和', start: '1926-12-25' },
  { name: '大正', start: '1912-07-30' },
  { name: '明治', start: '1868-10-23' },
];

/** `YYYY-MM-DD` → e.g. 平成元年1月8日; falls back to the ISO text before 明治. */
export function toWarekiDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const era = ERAS.find((e) => iso >= e.start);
  if (!m || !era) return iso;
  const year = Number(m[1]) - Number(era.start.slice(0, 4)) + 1;
  return `${era.name}${year === 1 ? '元' : year}年${Number(m[2])}月${Number(m[3])}日`;
}

/** An instant as ISO 8601 in Japan time with an explicit +09:00 offset, to the second. */
export function toJstIso(d: Date): string {
  return `${new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;
}

/** `YYYYMMDD` of the Japan calendar day of an instant. */
export function jstDay(d: Date): string {
  return toJstIso(d).slice(0, 10).replaceAll('-', '');
}
