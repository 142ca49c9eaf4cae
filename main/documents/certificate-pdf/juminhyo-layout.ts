/**
 * 住民票の写し (本人 / 世帯全員 / 一部), in the computerised layout: the household address
 * (and 世帯主 when asked) on top, then one ruled block per person. 個人番号 and 住民票コード
 * are never printed: the content schema has no field for them.
 */
import type { JuminhyoContent } from '../../../platform/certificate-seal';
import type { DocumentFonts } from '../fonts';
import { columns } from '../pdf-kit/table';
import { mm } from '../pdf-kit/units';
import { PAGE } from './frame';
import { label, numberedBlock, rowsBlock, sexLabel, spacer, value, wareki, type CertificateLayout, type Row } from './layout-kit';

const SUBTITLE: Record<JuminhyoContent['scope'], string> = {
  self: '（本人）',
  household: '（世帯全員）',
  partial: '（世帯の一部）',
};

export function juminhyoLayout(c: JuminhyoContent, fonts: DocumentFonts): CertificateLayout {
  const W = PAGE.bodyW;
  const [lw, vw] = columns(W, [1, 6.5]) as [number, number];
  const headRows: Row[] = [{ h: mm(12), cells: [label(lw, '住所', 'address'), value(vw, c.address, 'address', { size: 11.5, maxLines: 3, minSize: 6 })] }];
  if (c.householdHead !== undefined) {
    headRows.push({ h: mm(9), cells: [label(lw, '世帯主', 'householdHead'), value(vw, c.householdHead, 'householdHead', { size: 11.5, minSize: 6 })] });
  }
  const blocks = [rowsBlock(fonts, headRows), spacer(mm(3))];
  const numW = mm(8);
  const g = columns(W - numW, [1.1, 2.4, 1.1, 1.6, 1.1, 1.6]) as [number, number, number, number, number, number];
  const wide = g[1] + g[2] + g[3] + g[4] + g[5];
  const h4 = columns(W - numW, [1.1, 4.2, 1.1, 2.5]) as [number, number, number, number];
  c.members.forEach((m, i) => {
    const f = `members[${i}]`;
    const rows: Row[] = [];
    if (m.kana !== undefined) rows.push({ h: mm(6), cells: [label(g[0], 'ふりがな', 'kana'), value(wide, m.kana, `${f}.kana`, { size: 8, minSize: 5 })] });
    rows.push({
      h: mm(11),
      cells: [
        label(g[0], '氏名', 'name'),
        value(g[1], m.name, `${f}.name`, { size: 14, minSize: 6 }),
        label(g[2], '生年月日', 'birthDate'),
        value(g[3], wareki(m.birthDate), `${f}.birthDate`),
        label(g[4], '性別', 'sex'),
        value(g[5], sexLabel(m.sex), `${f}.sex`, { align: 'center' }),
      ],
    });
    rows.push({
      h: mm(8),
      cells: [
        label(g[0], '続柄', 'relationship'),
        value(g[1], m.relationship ?? '', `${f}.relationship`),
        label(g[2], '住民となった日', 'becameResidentOn'),
        value(g[3], wareki(m.becameResidentOn), `${f}.becameResidentOn`),
        label(g[4], '住所を定めた日', 'addressSince'),
        value(g[5], m.addressSince ? wareki(m.addressSince) : '', `${f}.addressSince`),
      ],
    });
    rows.push({
      h: mm(8),
      cells: [label(g[0], '前住所', 'previousAddress'), value(wide, m.previousAddress ?? '', `${f}.previousAddress`, { size: 9.5, minSize: 6 })],
    });
    if (c.include.honsekiAndHittosha) {
      rows.push({
        h: mm(10),
        cells: [
          label(h4[0], '本籍', 'honseki'),
          value(h4[1], m.honseki ?? '', `${f}.honseki`, { size: 9.5, maxLines: 3, minSize: 6 }),
          label(h4[2], '筆頭者', 'hittosha'),
          value(h4[3], m.hittosha ?? '', `${f}.hittosha`, { minSize: 6 }),
        ],
      });
    }
    blocks.push(numberedBlock(fonts, String(i + 1), `members[${i}].number`, numW, rows), spacer(mm(2.5)));
  });
  blocks.pop(); // no gap after the last person
  return {
    title: '住民票の写し',
    subtitle: SUBTITLE[c.scope],
    attestation: ['この写しは、住民票の原本と相違ないことを証明する。'],
    blocks,
    infoTitle: '住民票の写し',
  };
}
