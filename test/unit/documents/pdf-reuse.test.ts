/**
 * What paintPdf reuses between documents (prepared images, compiled stamps) must give every
 * document the same complete objects as the first, and must never carry anything that a
 * document's own checks would have to see (text) or that could go stale (an image's bytes).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentFonts } from '../../../main/documents/fonts';
import { paintPdf } from '../../../main/documents/pdf-kit/paint-pdf';
import type { DocumentPlan, DrawOp, StampOp } from '../../../main/documents/pdf-kit/plan';
import { StampContentError } from '../../../main/documents/pdf-kit/stamp';
import { sealCertificate } from '../../../platform/certificate-seal';
import { renderCertificatePdf } from '../../../main/documents/certificate-pdf';
import { sample, SEAL_IMAGE, TEST_PRIVATE_KEY } from './samples';

const ROOT = join(__dirname, '..', '..', '..');
let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'madoguchi-reuse-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const STAMP: StampOp = {
  kind: 'stamp',
  ops: [
    {
      kind: 'group',
      clip: { d: 'M0 0H300V300H0Z', rule: 'nonzero' },
      ops: [{ kind: 'path', d: 'M10 10L290 290M10 290L290 10', stroke: { width: 4, color: '#3366cc' } }],
    },
  ],
};

function plan(image: Buffer, extra: DrawOp[] = []): DocumentPlan {
  return {
    size: { width: 300, height: 300 },
    pages: [{ ops: [STAMP, { kind: 'image', data: image, x: 100, y: 100, w: 100, h: 100 }, ...extra] }, { ops: [STAMP] }],
    info: { title: 'reuse' },
  };
}

function file(pdf: Buffer, name: string): string {
  const f = join(dir, name);
  writeFileSync(f, pdf);
  return f;
}

/** Page `page` of `pdfFile` as PNG bytes (pdftoppm writes files only: it has no stdout mode). */
function raster(pdfFile: string, page: number, dpi = 50): Buffer {
  const root = `${pdfFile}-p${page}-r${dpi}`;
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-f', String(page), '-l', String(page), pdfFile, root]);
  const png = readFileSync(`${root}.png`);
  assert.ok(png.length > 100 && png.subarray(1, 4).toString('latin1') === 'PNG', 'a PNG was written');
  return png;
}

describe('paintPdf reuse across documents', () => {
  test('the second document gets the same image (with its soft mask) and the stamp on each page', async () => {
    const fonts = documentFonts();
    const first = file(await paintPdf(plan(SEAL_IMAGE), fonts), 'first.pdf');
    const second = file(await paintPdf(plan(SEAL_IMAGE), fonts), 'second.pdf');
    for (const f of [first, second]) {
      const list = execFileSync('pdfimages', ['-list', f], { encoding: 'utf8' });
      assert.match(list, /^\s+1\s+0 image\s+400\s+400\s+rgb/m, 'the seal image on page 1');
      assert.match(list, /^\s+1\s+1 smask\s+400\s+400\s+gray/m, 'with its alpha as a soft mask');
    }
    assert.ok(raster(first, 1).equals(raster(second, 1)), 'page 1 identical');
    assert.ok(raster(first, 2).equals(raster(second, 2)), 'page 2 identical');
    // the stamp really paints: page 2 has nothing else, and is not blank
    const blank = file(await paintPdf({ size: { width: 300, height: 300 }, pages: [{ ops: [] }], info: { title: 'blank' } }, fonts), 'blank.pdf');
    assert.ok(!raster(second, 2).equals(raster(blank, 1)), 'stamp drawn on page 2');
  });

  test('an image is cached by its bytes: a buffer changed after a render prints the new picture', async () => {
    const fonts = documentFonts();
    // a PNG ends at its IEND chunk, so one buffer can hold either picture followed by zeros
    const other = raster(file(await paintPdf(plan(SEAL_IMAGE), fonts), 'src.pdf'), 1, 20);
    const image = Buffer.alloc(Math.max(SEAL_IMAGE.length, other.length));
    SEAL_IMAGE.copy(image);
    const before = raster(file(await paintPdf(plan(image), fonts), 'before.pdf'), 1);
    image.fill(0);
    other.copy(image);
    const after = raster(file(await paintPdf(plan(image), fonts), 'after.pdf'), 1);
    assert.ok(!before.equals(after), 'new bytes, new picture');
  });

  test('words shaped in other documents print exactly as in a fresh process', async () => {
    const fonts = documentFonts();
    const look = (f: string) => ({ png: raster(f, 1, 100), text: execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }) });
    const render = async (type: 'juminhyo' | 'kazei', name: string) => {
      const c = sample(type);
      return look(file(await renderCertificatePdf(c, { qrText: sealCertificate(c, TEST_PRIVATE_KEY).payload, sealImagePng: SEAL_IMAGE }, fonts), name));
    };
    // the reference: the same certificate as the only document of its own process
    const fresh = join(dir, 'fresh.pdf');
    const script = `
      const { sealCertificate } = require('./platform/certificate-seal');
      const { renderCertificatePdf } = require('./main/documents/certificate-pdf');
      const { sample, SEAL_IMAGE, TEST_PRIVATE_KEY } = require('./test/unit/documents/samples');
      const c = sample('juminhyo');
      renderCertificatePdf(c, { qrText: sealCertificate(c, TEST_PRIVATE_KEY).payload, sealImagePng: SEAL_IMAGE })
        .then((pdf) => require('node:fs').writeFileSync(${JSON.stringify(fresh)}, pdf));`;
    execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, env: { ...process.env, MADOGUCHI_LOG_LEVEL: 'warn' }, timeout: 120_000 });
    const reference = look(fresh);
    await render('kazei', 'k.pdf');
    const first = await render('juminhyo', 'j1.pdf');
    await render('kazei', 'k2.pdf');
    const again = await render('juminhyo', 'j2.pdf');
    for (const r of [first, again]) {
      assert.equal(r.text, reference.text);
      assert.ok(r.png.equals(reference.png), 'same page, pixel for pixel');
    }
  });

  test('a stamp may not carry text or images (its form has no resources to show them)', async () => {
    const fonts = documentFonts();
    const withText: StampOp = { kind: 'stamp', ops: [{ kind: 'text', font: 'gothic', size: 8, x: 10, y: 10, text: '複写', field: 'x' }] };
    await assert.rejects(
      paintPdf({ size: { width: 300, height: 300 }, pages: [{ ops: [withText] }], info: { title: 't' } }, fonts),
      (e: unknown) => e instanceof StampContentError && e.kind === 'text',
    );
    const withImage: StampOp = { kind: 'stamp', ops: [{ kind: 'group', ops: [{ kind: 'image', data: SEAL_IMAGE, x: 0, y: 0, w: 10, h: 10 }] }] };
    await assert.rejects(
      paintPdf({ size: { width: 300, height: 300 }, pages: [{ ops: [withImage] }], info: { title: 'i' } }, fonts),
      (e: unknown) => e instanceof StampContentError && e.kind === 'image',
    );
  });
});
