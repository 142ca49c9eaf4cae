import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealCertificate, type CertificateContent } from '../../../platform/certificate-seal';
import { CertificateRenderError, planCertificate, renderCertificatePdf } from '../../../main/documents/certificate-pdf';
import { documentFonts } from '../../../main/documents/fonts';
import { MissingGlyphError } from '../../../main/documents/glyph-check';
import { ALL_TYPES, sample, SEAL_IMAGE, TEST_PRIVATE_KEY } from './samples';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'madoguchi-cert-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function sealed(c: CertificateContent) {
  return { qrText: sealCertificate(c, TEST_PRIVATE_KEY).payload, sealImagePng: SEAL_IMAGE };
}

function tool(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8' });
}

describe('renderCertificatePdf', () => {
  for (const type of ALL_TYPES) {
    test(`${type}: valid A4 PDF with the names, serial, subset fonts, no 個人番号`, async () => {
      const c = sample(type);
      const pdf = await renderCertificatePdf(c, sealed(c));
      const file = join(dir, `${type}.pdf`);
      writeFileSync(file, pdf);
      const info = tool('pdfinfo', [file]);
      assert.match(info, /Page size:\s+595\.28 x 841\.89 pts/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      assert.ok(pages >= 1 && pages <= 3, `pages ${pages}`);
      const title = /Title:\s+(.*)/.exec(info)?.[1] ?? '';
      assert.ok(title.length > 0 && !/[𠮷髙﨑]/u.test(title), 'title names the type only');
      const text = tool('pdftotext', ['-layout', file, '-']);
      assert.ok(text.includes(c.serialNumber), 'serial printed');
      assert.ok(text.includes(`${pages} / ${pages} ページ`), 'page x of y');
      const nameWith吉 = type === 'inkan' || type === 'kazei' ? '髙﨑' : '𠮷田';
      assert.ok(text.includes(nameWith吉), `name set (${nameWith吉})`);
      assert.ok(!text.includes('個人番号') && !/\d{12}/.test(text.replace(/\s/g, ' ')), 'no My Number');
      const fontsOut = tool('pdffonts', [file])
        .split('\n')
        .slice(2)
        .filter((l) => l.trim());
      assert.ok(fontsOut.length >= 2);
      for (const line of fontsOut) {
        assert.match(line, /^[A-Z]{6}\+/, 'subset prefix');
        assert.match(line, /\byes\s+yes\s+yes\b/, 'emb yes, sub yes, uni yes');
      }
      assert.ok(fontsOut.some((l) => l.includes('IPAmjMincho')) && fontsOut.some((l) => l.includes('BIZUDGothic')));
    });
  }

  test('世帯全員 with many members flows over pages, with page x of y', async () => {
    const c = sample('juminhyo');
    const base = c.members[2]!;
    for (let i = 0; i < 4; i++) c.members.push({ ...base, name: `𠮷田 子${i + 1}` });
    const pdf = await renderCertificatePdf(c, sealed(c));
    const file = join(dir, 'many.pdf');
    writeFileSync(file, pdf);
    assert.match(tool('pdfinfo', [file]), /Pages:\s+2/);
    const text = tool('pdftotext', [file, '-']);
    assert.ok(text.includes('1 / 2 ページ') && text.includes('2 / 2 ページ') && text.includes('𠮷田 子4'));
  });

  test('a missing glyph stops the certificate before any page: typed error, field only', async () => {
    const c = sample('juminhyo');
    c.members[1]!.name = '𠮷田 \u{10FFFD}子';
    await assert.rejects(
      renderCertificatePdf(c, sealed(c)),
      (e: unknown) => e instanceof MissingGlyphError && e.field === 'members[1].name' && e.codePoints[0] === 0x10fffd && !e.message.includes('𠮷'),
    );
  });

  test('a QR for other content, or invalid content, is refused', async () => {
    const c = sample('inkan');
    const other = sample('kazei');
    await assert.rejects(renderCertificatePdf(c, sealed(other)), (e: unknown) => e instanceof CertificateRenderError && e.code === 'seal-mismatch');
    const bad = { ...c, myNumber: '123456789018' } as unknown as CertificateContent;
    await assert.rejects(renderCertificatePdf(bad, sealed(c)), (e: unknown) => e instanceof CertificateRenderError && e.code === 'invalid-content');
  });

  test('the longest content the schema allows fits every cell (no overflow, no cut-off)', () => {
    const fonts = documentFonts();
    const wide = (n: number) => '漢'.repeat(n);
    const j = sample('juminhyo');
    j.address = wide(100);
    j.householdHead = wide(40);
    for (const m of j.members) {
      m.name = wide(40);
      m.previousAddress = wide(100);
      m.honseki = wide(100);
      m.hittosha = wide(40);
      m.kana = 'あ'.repeat(80);
    }
    const i = sample('inkan');
    i.holder.name = wide(40);
    i.holder.address = wide(100);
    const k = sample('koseki-zenbu');
    k.honseki = wide(100);
    k.hittosha = wide(40);
    for (const p of k.persons) {
      p.name = wide(40);
      p.father = wide(40);
      p.mother = wide(40);
      for (const e of p.events)
        for (const it of e.items) {
          it.label = wide(12);
          it.value = wide(100);
        }
    }
    const f = sample('fuhyo');
    f.honseki = wide(100);
    f.hittosha = wide(40);
    for (const p of f.persons) {
      p.name = wide(40);
      for (const a of p.addresses) a.address = wide(100);
    }
    const t = sample('kazei');
    t.taxpayer.name = wide(40);
    t.taxpayer.address = wide(100);
    for (const c of [j, i, k, f, t] as CertificateContent[]) {
      assert.doesNotThrow(() => planCertificate(c, sealed(c), fonts), c.type);
    }
  });
});

describe('dates on a printed certificate', () => {
  test('a 戸籍 member born in 明治 prints the 明治 year counted from 1868, and each era boundary prints its 元年', async () => {
    const c = sample('koseki-zenbu');
    const births = ['1910-01-01', '1912-07-29', '1912-07-30', '1926-12-25', '1989-01-07', '1989-01-08', '2019-05-01'];
    const base = c.persons[0]!;
    c.persons = births.map((birthDate, i) => ({ ...base, name: `𠮷田 年${i + 1}`, birthDate }));
    const file = join(dir, 'eras.pdf');
    writeFileSync(file, await renderCertificatePdf(c, sealed(c)));
    const text = tool('pdftotext', ['-layout', file, '-']).replace(/\s+/g, '');
    for (const printed of ['明治43年1月1日', '明治45年7月29日', '大正元年7月30日', '昭和元年12月25日', '昭和64年1月7日', '平成元年1月8日', '令和元年5月1日']) {
      assert.ok(text.includes(`【生年月日】${printed}`), `prints ${printed}`);
    }
    assert.ok(!text.includes('明治38年'), 'not the drifted 1873-based 明治 year');
  });
});
