/**
 * The anti-forgery printing of every certificate type, checked on the PDF as a copier, a
 * reader and a verifier would see it: the latent 「複写」 shows when the page is "copied"
 * (hair-lines lost) but hardly on the original, the microtext is 1.1 pt text along the border,
 * the guilloche is a set of interlaced waves in the border bands of every page, and the QR
 * printed on the page, rasterised at 300 dpi, verifies from the image alone.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { generateKeyPairSync } from 'node:crypto';
import { canonicalJson, sealCertificate, type CertificateContent } from '../../../platform/certificate-seal';
import { planCertificate, renderCertificatePdf } from '../../../main/documents/certificate-pdf';
import { PAGE, pageBackground } from '../../../main/documents/certificate-pdf/frame';
import { documentFonts } from '../../../main/documents/fonts';
import { paintPdf } from '../../../main/documents/pdf-kit/paint-pdf';
import { A4 } from '../../../main/documents/pdf-kit/units';
import { runVerify } from '../../../main/documents/verify-cli';
import { ALL_TYPES, sample, SEAL_IMAGE, TEST_PRIVATE_KEY } from './samples';

const ROOT = join(__dirname, '..', '..', '..');
const TINT = [0xa9, 0xcb, 0xb8] as const; // the copy-void hatching colour
let dir = '';
const pdfs = new Map<string, { file: string; content: CertificateContent; qrText: string; pages: number }>();

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'madoguchi-forgery-'));
  for (const type of ALL_TYPES) {
    const content = sample(type);
    const qrText = sealCertificate(content, TEST_PRIVATE_KEY).payload;
    const file = join(dir, `${type}.pdf`);
    writeFileSync(file, await renderCertificatePdf(content, { qrText, sealImagePng: SEAL_IMAGE }));
    const pages = Number(/Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    pdfs.set(type, { file, content, qrText, pages });
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

type Box = { x: number; y: number; w: number; h: number };

/** The printable area the pattern covers, and where 「複写」 is set: three words down the page, left, right, left. */
const AREA: Box = { x: PAGE.frame.x + 1.6, y: PAGE.frame.y + PAGE.band, w: PAGE.frame.w - 3.2, h: PAGE.frame.h - 2 * PAGE.band };
const WORD = Math.min(AREA.w / 2.6, 150);
function wordBox(i: number): Box {
  const x = AREA.x + (i % 2 === 0 ? AREA.w * 0.12 : AREA.w * 0.88 - 2 * WORD);
  return { x, y: AREA.y + AREA.h * (0.08 + i * 0.31), w: 2 * WORD, h: WORD };
}
/** The same rows beside the word (on the side away from it), where no word is. */
function controlBox(i: number): Box {
  const w = wordBox(i);
  const x = i % 2 === 0 ? w.x + w.w + 4 : AREA.x;
  const right = i % 2 === 0 ? AREA.x + AREA.w : w.x - 4;
  return { x, y: w.y, w: right - x, h: w.h };
}

/** A crop of page `page` at `dpi` as RGB pixels (pdftoppm's PPM). */
function crop(file: string, page: number, box: Box, dpi: number): { w: number; h: number; rgb: Buffer } {
  const px = (pt: number) => Math.round((pt * dpi) / 72);
  const root = join(dir, `crop-${Math.round(box.x)}-${Math.round(box.y)}-${page}`);
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    '-x',
    String(px(box.x)),
    '-y',
    String(px(box.y)),
    '-W',
    String(px(box.w)),
    '-H',
    String(px(box.h)),
    file,
    root,
  ]);
  const ppm = readFileSync(`${root}.ppm`);
  const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/u.exec(ppm.subarray(0, 32).toString('latin1'));
  assert.ok(m, 'a PPM came out');
  return { w: Number(m[1]), h: Number(m[2]), rgb: ppm.subarray(m[0].length) };
}

/** How much of a pixel the tint covers (0 white .. 1 tint); black ink and other colours count 0. */
function tintCoverage(r: number, g: number, b: number): number {
  const c = [(255 - r) / (255 - TINT[0]), (255 - g) / (255 - TINT[1]), (255 - b) / (255 - TINT[2])];
  const mean = (c[0]! + c[1]! + c[2]!) / 3;
  return Math.max(...c) - Math.min(...c) < 0.15 && mean <= 1.08 ? Math.min(1, mean) : 0;
}

/**
 * What a copier keeps, as a fraction of the crop: it sees the page at a quarter of 300 dpi and
 * prints a cell dark when the tint covers at least half of it. A 0.75 pt line (3 px) fills
 * that much of a 4 px cell; a 0.22 pt hair-line (under 1 px) never does.
 */
function copied(img: { w: number; h: number; rgb: Buffer }): { dark: number; tint: number } {
  let dark = 0;
  let cells = 0;
  let tint = 0;
  for (let cy = 0; cy + 4 <= img.h; cy += 4)
    for (let cx = 0; cx + 4 <= img.w; cx += 4) {
      let sum = 0;
      for (let y = cy; y < cy + 4; y++)
        for (let x = cx; x < cx + 4; x++) {
          const i = (y * img.w + x) * 3;
          sum += tintCoverage(img.rgb[i]!, img.rgb[i + 1]!, img.rgb[i + 2]!);
        }
      cells++;
      tint += sum / 16;
      if (sum / 16 >= 0.5) dark++;
    }
  return { dark: dark / cells, tint: tint / cells };
}

describe('anti-forgery printing, every certificate type', () => {
  test('the latent 「複写」 hardly shows on the original and appears on a copy', async () => {
    // the background alone: nothing covers it, so original and copy can be compared fairly
    const file = join(dir, 'background.pdf');
    writeFileSync(file, await paintPdf({ size: A4, pages: [{ ops: [pageBackground(documentFonts())] }], info: { title: 'background' } }, documentFonts()));
    for (let i = 0; i < 3; i++) {
      const word = copied(crop(file, 1, wordBox(i), 300));
      const none = copied(crop(file, 1, controlBox(i), 300));
      assert.ok(Math.abs(word.tint - none.tint) < 0.05, `word ${i}: the original shows an even tint (${word.tint.toFixed(3)} vs ${none.tint.toFixed(3)})`);
      assert.ok(none.tint > 0.1, `word ${i}: the tint is printed around the word`);
      assert.ok(word.dark > 0.04, `word ${i}: the copy shows the word (${word.dark.toFixed(3)})`);
      assert.ok(none.dark < 0.002, `word ${i}: the copy loses the hair-lines (${none.dark.toFixed(4)})`);
    }
  });

  for (const type of ALL_TYPES) {
    test(`${type}: 「複写」 appears on a copy of page 1 where the words are set, and nowhere else`, () => {
      const { file } = pdfs.get(type)!;
      let inWords = 0;
      let outside = 0;
      for (let i = 0; i < 3; i++) {
        inWords += copied(crop(file, 1, wordBox(i), 300)).dark;
        outside += copied(crop(file, 1, controlBox(i), 300)).dark;
      }
      assert.ok(inWords / 3 > 0.015, `words copied dark: ${(inWords / 3).toFixed(4)}`);
      assert.ok(outside < inWords / 10, `outside the words: ${(outside / 3).toFixed(4)}`);
    });
  }

  for (const type of ALL_TYPES) {
    test(`${type}: microtext of 1.1 pt runs along the top and bottom border of every page`, () => {
      const { file, pages } = pdfs.get(type)!;
      const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
      const perPage = html.split('<page ').slice(1);
      assert.equal(perPage.length, pages);
      perPage.forEach((p, n) => {
        const words = [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(KITAKYUSHU|CITY)<\/word>/gu)].map((m) => ({
          x0: Number(m[1]),
          y0: Number(m[2]),
          x1: Number(m[3]),
          h: Number(m[4]) - Number(m[2]),
        }));
        const top = words.filter((w) => w.y0 < PAGE.frame.y + PAGE.band + 4);
        const bottom = words.filter((w) => w.y0 > PAGE.frame.y + PAGE.frame.h - PAGE.band - 4);
        for (const [where, row] of [
          ['top', top],
          ['bottom', bottom],
        ] as const) {
          assert.ok(row.length >= 80, `page ${n + 1} ${where}: ${row.length} microtext words`);
          for (const w of row) assert.ok(w.h > 1.0 && w.h < 1.2, `page ${n + 1} ${where}: ${w.h} pt high`);
          assert.ok(
            Math.min(...row.map((w) => w.x0)) < AREA.x + 6 && Math.max(...row.map((w) => w.x1)) > AREA.x + AREA.w - 20,
            `page ${n + 1} ${where}: the whole width`,
          );
        }
        assert.equal(words.length, top.length + bottom.length, `page ${n + 1}: microtext only along the border`);
      });
    });
  }

  for (const type of ALL_TYPES) {
    test(`${type}: guilloche waves fill both border bands, drawn on every page`, () => {
      const { file, pages } = pdfs.get(type)!;
      const streams = inflatedStreams(readFileSync(file));
      const forms = streams.filter((s) => /\/Subtype \/Form/u.test(s.dict));
      assert.equal(forms.length, 1, 'one background form');
      const pageContents = streams.filter((s) => s.content.includes(`/${formName(readFileSync(file), forms[0]!.id)} Do`));
      assert.equal(pageContents.length, pages, 'every page draws the background');
      const f = PAGE.frame;
      const inBand = (y: number, top: number) => y >= top - 0.01 && y <= top + PAGE.band + 0.01;
      for (const bandTop of [f.y, f.y + f.h - PAGE.band]) {
        const waves = subpaths(forms[0]!.content).filter((pts) => pts.length > 200 && pts.every(([, y]) => inBand(y, bandTop)));
        assert.ok(waves.length >= 6, `band at ${bandTop.toFixed(1)}: ${waves.length} strands`);
        for (const pts of waves) {
          const xs = pts.map(([x]) => x);
          assert.ok(Math.min(...xs) <= f.x + 1 && Math.max(...xs) >= f.x + f.w - 2, 'a strand crosses the page');
          const mid = bandTop + PAGE.band / 2;
          let crossings = 0;
          for (let i = 1; i < pts.length; i++) if (pts[i - 1]![1] < mid !== pts[i]![1] < mid) crossings++;
          assert.ok(crossings >= 40, `a strand waves (${crossings} crossings)`);
        }
        const shapes = new Set(
          waves.map((pts) =>
            pts
              .slice(0, 24)
              .map(([, y]) => y.toFixed(2))
              .join(' '),
          ),
        );
        assert.ok(shapes.size >= 6, 'strands are out of phase (interlaced)');
      }
    });
  }

  for (const type of ALL_TYPES) {
    test(`${type}: the printed QR, scanned from a 300 dpi image, verifies with the city key`, () => {
      const { file, content, pages } = pdfs.get(type)!;
      const png = rasterPage(file, pages, type);
      const r = verify([png]);
      assert.equal(r.code, 0, r.out);
      assert.match(r.out, /検証OK \/ valid/u);
      assert.ok(r.out.includes(content.serialNumber), 'the serial printed on the page');
    });
  }

  test('npm run verify takes the page image alone (real process)', () => {
    const { file, pages } = pdfs.get('juminhyo')!;
    const png = rasterPage(file, pages, 'npm');
    const r = spawnSync('npm', ['run', '-s', 'verify', '--', png], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /検証OK \/ valid/u);
  });

  test('a tampered page image fails: the QR remade with another name, or re-signed with another key', async () => {
    const original = sample('juminhyo');
    const { payload } = sealCertificate(original, TEST_PRIVATE_KEY);
    const tampered = structuredClone(original);
    tampered.members[0]!.name = '山田 太郎';
    // the forger's QR: the signed record with the new name, the old signature kept
    const [prefix, body, signature] = payload.split('.') as [string, string, string];
    const record = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { n: string[] };
    record.n[0] = '山田 太郎';
    const forged = `${prefix}.${Buffer.from(canonicalJson(record), 'utf8').toString('base64url')}.${signature}`;
    const otherKey = generateKeyPairSync('ed25519').privateKey;
    const resigned = sealCertificate(tampered, otherKey).payload;
    for (const [name, qrText, reason] of [
      ['forged', forged, /forged or altered/u],
      ['resigned', resigned, /forged or altered/u],
    ] as const) {
      // planCertificate paints whatever it is given, as an image editor would
      const file = join(dir, `tampered-${name}.pdf`);
      writeFileSync(file, await paintPdf(planCertificate(tampered, { qrText, sealImagePng: SEAL_IMAGE }, documentFonts()), documentFonts()));
      const png = rasterPage(file, 1, `tampered-${name}`);
      const r = verify([png]);
      assert.equal(r.code, 1, `${name}: ${r.out}`);
      assert.match(r.out, reason);
    }
  });
});

test('an image without a Madoguchi code is reported as such, not as valid', async () => {
  const file = join(dir, 'no-qr.pdf');
  const plan = planCertificate(
    sample('inkan'),
    { qrText: sealCertificate(sample('inkan'), TEST_PRIVATE_KEY).payload, sealImagePng: SEAL_IMAGE },
    documentFonts(),
  );
  // the same page with its QR left out
  plan.pages = plan.pages.map((p) => ({ ops: p.ops.filter((op) => !(op.kind === 'path' && op.fill === '#000000')) }));
  writeFileSync(file, await paintPdf(plan, documentFonts()));
  const r = verify([rasterPage(file, plan.pages.length, 'no-qr')]);
  assert.equal(r.code, 1);
  assert.match(r.out, /no Madoguchi verification code found in the image/u);
});

function verify(argv: string[]): { code: number; out: string } {
  const lines: string[] = [];
  const code = runVerify(argv, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, out: lines.join('\n') };
}

function rasterPage(file: string, page: number, name: string): string {
  const root = join(dir, `scan-${name}`);
  execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', '-singlefile', '-f', String(page), '-l', String(page), file, root]);
  return `${root}.png`;
}

/** Every stream of the PDF with its dictionary, inflated when FlateDecode. */
function inflatedStreams(pdf: Buffer): { id: number; dict: string; content: string }[] {
  const text = pdf.toString('latin1');
  const out: { id: number; dict: string; content: string }[] = [];
  for (const m of text.matchAll(/(\d+) 0 obj\s*<<([\s\S]*?)>>\s*stream\n/gu)) {
    const length = Number(/\/Length (\d+)/u.exec(m[2]!)?.[1]);
    const start = m.index + m[0].length;
    const raw = pdf.subarray(start, start + length);
    const content = /\/FlateDecode/u.test(m[2]!) ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
    out.push({ id: Number(m[1]), dict: m[2]!, content });
  }
  return out;
}

/** The resource name under which object `id` is listed as an XObject. */
function formName(pdf: Buffer, id: number): string {
  const m = new RegExp(`/(\\w+) ${id} 0 R`, 'u').exec(pdf.toString('latin1'));
  assert.ok(m, 'the form is listed in a resource dictionary');
  return m[1]!;
}

/** Subpaths (m then l…) of a content stream as points. */
function subpaths(content: string): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] | undefined;
  for (const m of content.matchAll(/(-?[\d.]+) (-?[\d.]+) ([ml])\b/gu)) {
    const p: [number, number] = [Number(m[1]), Number(m[2])];
    if (m[3] === 'm') {
      cur = [p];
      out.push(cur);
    } else cur?.push(p);
  }
  return out;
}
