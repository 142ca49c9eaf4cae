/**
 * 印鑑登録証明書: the registered impression in a framed box on the left, the holder's
 * registered particulars on the right. The impression is drawn from its vector description
 * (outline + carved characters in seal red) so no image of a citizen's seal is stored.
 */
import type { InkanContent } from '../../../platform/certificate-seal';
import type { DocumentFonts } from '../fonts';
import type { Block } from '../pdf-kit/flow';
import type { DrawOp } from '../pdf-kit/plan';
import { columns } from '../pdf-kit/table';
import { fitText } from '../pdf-kit/text';
import { mm } from '../pdf-kit/units';
import { PAGE } from './frame';
import { label, rowsBlock, sexLabel, value, wareki, type CertificateLayout, type Row } from './layout-kit';

const SEAL_RED = '#c8281e';

function impressionBlock(c: InkanContent, fonts: DocumentFonts, boxW: number, height: number): Block {
  return {
    height,
    draw: (x, y) => {
      const ops: DrawOp[] = [{ kind: 'rect', x, y, w: boxW, h: height, fill: '#ffffff', stroke: { width: 0.5 } }];
      ops.push(...fitText(fonts, '印影', { x, y, w: boxW, h: mm(6) }, { font: 'gothic', size: 8, field: 'label.impression', align: 'center' }));
      const d = mm(22);
      const cx = x + boxW / 2;
      const cy = y + mm(6) + (height - mm(6)) / 2;
      ops.push(
        c.impression.shape === 'circle'
          ? { kind: 'path', d: circle(cx, cy, d / 2), stroke: { width: 1.6, color: SEAL_RED } }
          : { kind: 'rect', x: cx - d / 2, y: cy - d / 2, w: d, h: d, stroke: { width: 1.6, color: SEAL_RED } },
      );
      // carved characters read top to bottom
      const chars = Array.from(c.impression.text);
      const cell = (d * 0.78) / chars.length;
      chars.forEach((ch, i) => {
        ops.push(
          ...fitText(
            fonts,
            ch,
            { x: cx - cell, y: cy - (d * 0.78) / 2 + i * cell, w: cell * 2, h: cell },
            {
              font: 'mincho',
              size: cell * 0.95,
              field: 'impression.text',
              align: 'center',
              color: SEAL_RED,
              padding: 0,
            },
          ),
        );
      });
      return ops;
    },
  };
}

function circle(cx: number, cy: number, r: number): string {
  return `M${cx - r} ${cy}A${r} ${r} 0 1 0 ${cx + r} ${cy}A${r} ${r} 0 1 0 ${cx - r} ${cy}Z`;
}

export function inkanLayout(c: InkanContent, fonts: DocumentFonts): CertificateLayout {
  const boxW = mm(45);
  const gap = mm(4);
  const [lw, vw] = columns(PAGE.bodyW - boxW - gap, [1, 3.2]) as [number, number];
  const rows: Row[] = [
    { h: mm(9), cells: [label(lw, '登録番号', 'registrationNumber'), value(vw, c.registrationNumber, 'registrationNumber')] },
    { h: mm(12), cells: [label(lw, '氏名', 'name'), value(vw, c.holder.name, 'holder.name', { size: 15, minSize: 6 })] },
    { h: mm(9), cells: [label(lw, '生年月日', 'birthDate'), value(vw, wareki(c.holder.birthDate), 'holder.birthDate')] },
  ];
  if (c.holder.sex) rows.push({ h: mm(9), cells: [label(lw, '性別', 'sex'), value(vw, sexLabel(c.holder.sex), 'holder.sex')] });
  rows.push({ h: mm(14), cells: [label(lw, '住所', 'address'), value(vw, c.holder.address, 'holder.address', { size: 11, maxLines: 3, minSize: 6 })] });
  const table = rowsBlock(fonts, rows);
  const impression = impressionBlock(c, fonts, boxW, table.height);
  const both: Block = {
    height: table.height,
    draw: (x, y) => [...impression.draw(x, y), ...table.draw(x + boxW + gap, y)],
  };
  return {
    title: '印鑑登録証明書',
    attestation: ['この写しは、登録されている印影と相違ないことを証明する。'],
    blocks: [both],
    infoTitle: '印鑑登録証明書',
  };
}
