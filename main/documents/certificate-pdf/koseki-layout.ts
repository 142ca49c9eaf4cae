/**
 * 戸籍全部事項証明書 / 個人事項証明書 in the computerised (コンピュータ化) layout: 本籍 and
 * 氏名 on top, 戸籍事項, then each person recorded with 【名】【生年月日】【父】【母】【続柄】
 * and their 身分事項 entries as 【label】value lines.
 */
import type { KosekiContent } from '../../../platform/certificate-seal';
import type { DocumentFonts } from '../fonts';
import type { Block } from '../pdf-kit/flow';
import { columns } from '../pdf-kit/table';
import { mm } from '../pdf-kit/units';
import { PAGE } from './frame';
import { label, rowsBlock, sexLabel, spacer, value, wareki, type CertificateLayout, type Row } from './layout-kit';

type KosekiEvent = KosekiContent['kosekiEvents'][number];

const LINE = mm(6.5);

function eventBlocks(
  fonts: DocumentFonts,
  section: string,
  sectionKey: string,
  events: KosekiEvent[],
  field: string,
  widths: [number, number, number],
): Block[] {
  const [sw, kw, vw] = widths;
  return events.map((ev, e) => {
    const rows: Row[] = ev.items.map((it, i) => ({
      h: LINE,
      cells: [
        label(sw, e === 0 && i === 0 ? section : '', sectionKey),
        value(kw, i === 0 ? ev.kind : '', `${field}[${e}].kind`, { font: 'gothic', size: 9 }),
        value(vw, `【${it.label}】${it.value}`, `${field}[${e}].items[${i}]`, { size: 10, minSize: 5.5 }),
      ],
    }));
    return rowsBlock(fonts, rows);
  });
}

export function kosekiLayout(c: KosekiContent, fonts: DocumentFonts): CertificateLayout {
  const W = PAGE.bodyW;
  const widths = columns(W, [1.2, 1.2, 6.6]) as [number, number, number];
  const [sw] = widths;
  const blocks: Block[] = [
    rowsBlock(fonts, [
      { h: mm(9), cells: [label(sw, '本籍', 'honseki'), value(W - sw, c.honseki, 'honseki', { size: 11.5, minSize: 6 })] },
      { h: mm(9), cells: [label(sw, '氏名', 'hittosha'), value(W - sw, c.hittosha, 'hittosha', { size: 12.5 })] },
    ]),
    spacer(mm(2)),
    ...eventBlocks(fonts, '戸籍事項', 'kosekiEvents', c.kosekiEvents, 'kosekiEvents', widths),
  ];
  c.persons.forEach((p, i) => {
    const f = `persons[${i}]`;
    const rest = W - sw;
    const head: Row[] = [
      {
        h: mm(9),
        cells: [
          label(sw, p.removed ? '除籍' : '戸籍に記録されている者', 'recorded'),
          value(rest * 0.6, `【名】${p.name}`, `${f}.name`, { size: 12.5, minSize: 6 }),
          value(rest * 0.4, `【生年月日】${wareki(p.birthDate)}`, `${f}.birthDate`, { size: 9.5 }),
        ],
      },
      {
        h: LINE,
        cells: [
          label(sw, '', 'recorded'),
          value(rest * 0.3, `【父】${p.father ?? ''}`, `${f}.father`, { size: 9.5, minSize: 5 }),
          value(rest * 0.3, `【母】${p.mother ?? ''}`, `${f}.mother`, { size: 9.5, minSize: 5 }),
          value(rest * 0.2, `【続柄】${p.relationship ?? ''}`, `${f}.relationship`, { size: 9.5 }),
          value(rest * 0.2, `【性別】${sexLabel(p.sex)}`, `${f}.sex`, { size: 9.5 }),
        ],
      },
    ];
    blocks.push(spacer(mm(3)), { ...rowsBlock(fonts, head), keepWithNext: true });
    blocks.push(...eventBlocks(fonts, '身分事項', 'events', p.events, `${f}.events`, widths));
  });
  const zenbu = c.type === 'koseki-zenbu';
  return {
    title: zenbu ? '全部事項証明' : '個人事項証明',
    subtitle: zenbu ? '（戸籍全部事項証明書）' : '（戸籍個人事項証明書）',
    attestation: zenbu
      ? ['これは、戸籍に記録されている事項の全部を証明した書面である。']
      : ['これは、戸籍中の一部の者について記録されている事項の全部を', '証明した書面である。'],
    blocks,
    infoTitle: zenbu ? '戸籍全部事項証明書' : '戸籍個人事項証明書',
  };
}
