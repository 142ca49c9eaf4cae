/** 戸籍の附票の写し: 本籍 and 筆頭者 on top, then each person's address history. */
import type { FuhyoContent } from '../../../platform/certificate-seal';
import type { DocumentFonts } from '../fonts';
import type { Block } from '../pdf-kit/flow';
import { columns } from '../pdf-kit/table';
import { mm } from '../pdf-kit/units';
import { PAGE } from './frame';
import { label, rowsBlock, spacer, value, wareki, type CertificateLayout, type Row } from './layout-kit';

export function fuhyoLayout(c: FuhyoContent, fonts: DocumentFonts): CertificateLayout {
  const W = PAGE.bodyW;
  const [lw, aw, dl, dw] = columns(W, [1.3, 5.2, 1.3, 1.9]) as [number, number, number, number];
  const blocks: Block[] = [
    rowsBlock(fonts, [
      { h: mm(9), cells: [label(lw, '本籍', 'honseki'), value(W - lw, c.honseki, 'honseki', { size: 11.5, minSize: 6 })] },
      { h: mm(9), cells: [label(lw, '筆頭者', 'hittosha'), value(W - lw, c.hittosha, 'hittosha', { size: 12.5 })] },
    ]),
  ];
  c.persons.forEach((p, i) => {
    const f = `persons[${i}]`;
    const rows: Row[] = [
      {
        h: mm(9),
        cells: [
          label(lw, '附票に記録されている者', 'recorded'),
          value(aw, `【名】${p.name}`, `${f}.name`, { size: 12.5, minSize: 6 }),
          label(dl, '生年月日', 'birthDate'),
          value(dw, wareki(p.birthDate), `${f}.birthDate`, { size: 9.5 }),
        ],
      },
    ];
    p.addresses.forEach((a, j) =>
      rows.push({
        h: mm(10),
        cells: [
          label(lw, '住所', 'address'),
          value(aw, a.address, `${f}.addresses[${j}].address`, { size: 10, maxLines: 3, minSize: 6 }),
          label(dl, '住所を定めた年月日', 'since'),
          value(dw, wareki(a.since), `${f}.addresses[${j}].since`, { size: 9.5 }),
        ],
      }),
    );
    blocks.push(spacer(mm(3)), rowsBlock(fonts, rows));
  });
  return {
    title: '戸籍の附票の写し',
    attestation: ['この写しは、戸籍の附票の原本と相違ないことを証明する。'],
    blocks,
    infoTitle: '戸籍の附票の写し',
  };
}
