/**
 * Applications benchmark (`npx tsx build/scripts/bench.ts applications`; prints figures, asserts
 * nothing): guide search beside a naive peer (plain substring over raw titles/keywords, no kana
 * normalisation) in the same run; a whole 転入 interview (plan, every answer, review, build);
 * and rendering the 住民異動届 PDF.
 */
import { performance } from 'node:perf_hooks';
import { defaultCatalog } from '../../main/applications/catalog';
import { searchGuide } from '../../main/applications/guide-search';
import { answer, buildFilledForms, nextQuestion, planInterview, review } from '../../main/applications/interview';
import { renderFormPdf } from '../../main/documents/forms/render-form';
import { documentFonts } from '../../main/documents/fonts';

function stats(times: number[]): string {
  const s = [...times].sort((a, b) => a - b);
  const p = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!.toFixed(3);
  return `p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  (n=${s.length})`;
}

async function time(n: number, fn: () => unknown): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

async function main(): Promise<void> {
  const catalog = defaultCatalog();
  const queries = ['ひっこし', '引っ越し', 'おくやみ', 'じどうてあて', 'move', 'birth', '国保', 'ｼｭｯｾｲ', 'zzz'];
  const raw = [
    ...catalog.guide.events.map((e) => [e.title.ja, e.title.en, ...Object.values(e.keywords).flat()]),
    ...[...catalog.guide.procedures.values()].map((p) => [p.name.ja, p.name.en, ...Object.values(p.keywords).flat()]),
  ];
  console.log(`guide search (${queries.length} queries):   ${stats(await time(300, () => queries.map((q) => searchGuide(catalog.index, q))))}`);
  console.log(
    `peer: naive substring, no normalisation: ${stats(await time(300, () => queries.map((q) => raw.filter((texts) => texts.some((t) => t.includes(q))))))}`,
  );

  const card = {
    name: '北九　太郎',
    address: '福岡県北九州市小倉北区浅野一丁目1番1号',
    birthDate: '1985-04-02',
    sex: 'male' as const,
    myNumber: '123456789018',
  };
  const A: Record<string, unknown> = {
    hasChildren: true,
    hasEmployerInsurance: false,
    nameKana: 'きたきゅう たろう',
    newPostal: '8020001',
    newAddress: '福岡県北九州市小倉北区浅野二丁目2番2号',
    isHouseholder: true,
    phone: '093-000-0000',
    child1Name: '北九 次郎',
    child1NameKana: 'キタキュウ ジロウ',
    child1BirthDate: '2018-05-05',
    pensionType: 'kosei',
    bankName: '北九銀行',
    bankBranch: '小倉支店',
    accountNumber: '1234567',
    accountHolderKana: 'キタキュウ タロウ',
  };
  let forms: Awaited<ReturnType<typeof buildFilledForms>> | null = null;
  let asked = 0;
  console.log(
    `whole 転入 interview (plan → answers → review → forms): ${stats(
      await time(50, () => {
        const p = planInterview({ eventId: 'move-in', include: ['inkan-toroku'] }, card);
        if (!p.ok) throw new Error('plan');
        let s = p.state;
        asked = 0;
        for (let q = nextQuestion(s, catalog); q; q = nextQuestion(s, catalog)) {
          const r = answer(s, q.id, q.id in A ? A[q.id] : q.defaultValue, catalog);
          if (!r.ok) throw new Error(q.id);
          s = r.state;
          asked++;
        }
        review(s, catalog);
        forms = buildFilledForms(s, catalog);
      }),
    )}  questions asked: ${asked}`,
  );
  const built = forms as Awaited<ReturnType<typeof buildFilledForms>> | null;
  if (!built?.ok) throw new Error('build');
  documentFonts();
  const jumin = built.forms[0]!;
  let bytes = 0;
  console.log(
    `住民異動届 PDF render (warm fonts): ${stats(
      await time(20, async () => {
        bytes = (await renderFormPdf(jumin, { receiptNumber: 'KK-20250610-0001' })).length;
      }),
    )}  size ${(bytes / 1024).toFixed(1)} KiB`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
