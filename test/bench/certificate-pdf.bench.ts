/**
 * Certificate PDF benchmark (prints figures, asserts nothing): warm p50/p95, CPU time and file
 * size of the kiosk's verified render (seal check with the city key, layout, glyph check, PDF:
 * what a sale runs) for a 住民票 (世帯全員, 3 members), beside the peer: Debian's Chromium
 * printing the same certificate from HTML with page.pdf(), same fonts (@font-face file://),
 * same QR and seal image, in the same run. CPU time per render is printed too: on a shared,
 * loaded machine it moves less than wall time.
 */
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import QRCode from 'qrcode';
import { chromium } from 'playwright-core';
import { sealCertificate, type JuminhyoContent } from '../../platform/certificate-seal';
import { createVerifiedRenderer } from '../../main/certificates/verified-renderer';
import { documentFonts, FONT_SOURCES } from '../../main/documents/fonts';
import { formatIssuedAt, formatWareki } from '../../main/documents/pdf-kit/japanese-date';
import { FIXTURES, sample, SEAL_IMAGE, TEST_PRIVATE_KEY } from '../unit/documents/samples';

const WARMUP = 5;
const RUNS = 40;
/** Chromium is two orders slower: fewer runs keep the whole benchmark within minutes. */
const PEER_RUNS = 15;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(label: string, fn: () => Promise<Buffer>, runs = RUNS): Promise<void> {
  let size = 0;
  for (let i = 0; i < WARMUP; i++) size = (await fn()).length;
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    size = (await fn()).length;
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  // this process's CPU only: for the peer most work happens in Chromium's own processes
  const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
  console.log(
    `${label.padEnd(54)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms   node CPU ${cpuMs.toFixed(1).padStart(6)} ms   ${(size / 1024).toFixed(1).padStart(7)} KiB`,
  );
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);
}

/** The same 住民票 as HTML (same fonts, QR, seal; security background as CSS hatch). */
async function certificateHtml(c: JuminhyoContent, qrText: string): Promise<string> {
  const qrSvg = await QRCode.toString(qrText, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  const font = (name: string, file: string) => `@font-face{font-family:'${name}';src:url('${pathToFileURL(file).href}')}`;
  const rows = c.members
    .map(
      (m, i) => `
    <table class="m"><tr><td class="n" rowspan="5">${i + 1}</td><th>ふりがな</th><td colspan="5" class="k">${esc(m.kana ?? '')}</td></tr>
    <tr><th>氏名</th><td class="name">${esc(m.name)}</td><th>生年月日</th><td>${formatWareki(m.birthDate)}</td><th>性別</th><td>${m.sex === 'male' ? '男' : '女'}</td></tr>
    <tr><th>続柄</th><td>${esc(m.relationship ?? '')}</td><th>住民となった日</th><td>${formatWareki(m.becameResidentOn)}</td><th>住所を定めた日</th><td>${m.addressSince ? formatWareki(m.addressSince) : ''}</td></tr>
    <tr><th>前住所</th><td colspan="5">${esc(m.previousAddress ?? '')}</td></tr>
    <tr><th>本籍</th><td colspan="3">${esc(m.honseki ?? '')}</td><th>筆頭者</th><td>${esc(m.hittosha ?? '')}</td></tr></table>`,
    )
    .join('');
  const issued = formatIssuedAt(c.issuedAt);
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
${font('IPAmj', FONT_SOURCES.mincho.file)}${font('UDG', FONT_SOURCES.gothic.file)}
@page{size:A4;margin:0} body{margin:0;font-family:'IPAmj'}
.page{position:relative;width:210mm;height:297mm;box-sizing:border-box;padding:17mm 18mm;
 background:repeating-linear-gradient(45deg,#a9cbb8 0 0.08mm,transparent 0.08mm 0.42mm)}
h1{text-align:center;font-weight:normal;font-size:21pt;letter-spacing:5pt;margin:4mm 0 0}
.sub{text-align:center;font-size:11pt}.serial{position:absolute;right:18mm;top:14mm;font:8pt 'UDG'}
table{border-collapse:collapse;width:100%;margin-top:2.5mm}td,th{border:0.5pt solid #000;padding:1mm;font-size:10.5pt}
th{background:#e6ede9;font:normal 8pt 'UDG';width:18mm}.n{width:8mm;text-align:center;background:#e6ede9;font:bold 10pt 'UDG'}
.name{font-size:14pt}.k{font-size:8pt}.close{position:absolute;top:212mm;left:18mm;right:18mm}
.qr{width:32mm;height:32mm;background:#fff;float:left}.att{margin-left:40mm;font-size:11.5pt}
.auth{text-align:right;font-size:14pt;margin-right:25mm;margin-top:6mm}.seal{position:absolute;right:0;top:24mm;width:21mm}
.foot{position:absolute;top:266mm;left:18mm;right:18mm;font:7pt 'UDG'}
</style></head><body><div class="page"><div class="serial">交付番号 ${esc(c.serialNumber)}</div>
<h1>住民票の写し</h1><div class="sub">（世帯全員）</div>
<table><tr><th>住所</th><td>${esc(c.address)}</td></tr><tr><th>世帯主</th><td>${esc(c.householdHead ?? '')}</td></tr></table>
${rows}<div class="close"><div class="qr">${qrSvg}</div><div class="att">この写しは、住民票の原本と相違ないことを証明する。<br><br>${formatWareki(c.issuedAt.slice(0, 10))}</div>
<div class="auth">${esc(c.issuingAuthority.title)}\u3000${esc(c.issuingAuthority.holderName ?? '')}</div>
<img class="seal" src="data:image/png;base64,${SEAL_IMAGE.toString('base64')}"></div>
<div class="foot">発行日時 ${issued.wareki}（${issued.western}）<span style="float:right">1 / 1 ページ</span></div></div></body></html>`;
}

async function main(): Promise<void> {
  const content = sample('juminhyo');
  const { payload } = sealCertificate(content, TEST_PRIVATE_KEY);
  const render = createVerifiedRenderer(join(FIXTURES, 'city-seal.pub.pem'), join(__dirname, '..', '..', 'content', 'demo-ward', 'documents', 'city-seal.png'));
  const t0 = performance.now();
  documentFonts();
  console.log(`font load (once per process): ${(performance.now() - t0).toFixed(1)} ms`);
  const tFirst = performance.now();
  await render(content, payload);
  console.log(`first (cold) verified render: ${(performance.now() - tFirst).toFixed(1)} ms`);
  await measure('madoguchi verified render (seal+layout+glyphs+pdfkit)', () => render(content, payload));

  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-bench-'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const file = join(dir, 'juminhyo.html');
    writeFileSync(file, await certificateHtml(content, payload));
    const page = await browser.newPage();
    const url = pathToFileURL(file).href;
    await measure(
      'peer: Chromium goto(html) + page.pdf()',
      async () => {
        await page.goto(url, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      },
      PEER_RUNS,
    );
    await measure('peer: Chromium page.pdf() only (page loaded)', () => page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }), PEER_RUNS);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
