/** 所得・課税証明書: taxpayer, then income, deductions, taxable amount and tax for the 年度. */
import type { KazeiContent } from '../../../platform/certificate-seal';
import type { DocumentFonts } from '../fonts';
import type { Block } from '../pdf-kit/flow';
import { formatWarekiFiscalYear, formatYen } from '../pdf-kit/japanese-date';
import { columns } from '../pdf-kit/table';
import { mm } from '../pdf-kit/units';
import { PAGE } from './frame';
import { label, rowsBlock, spacer, value, wareki, type CertificateLayout, type Row } from './layout-kit';

export function kazeiLayout(c: KazeiContent, fonts: DocumentFonts): CertificateLayout {
  const W = PAGE.bodyW;
  const [lw, vw] = columns(W, [1, 5]) as [number, number];
  const person: Row[] = [
    { h: mm(12), cells: [label(lw, '住所', 'address'), value(vw, c.taxpayer.address, 'taxpayer.address', { size: 11, maxLines: 3, minSize: 6 })] },
    { h: mm(10), cells: [label(lw, '氏名', 'name'), value(vw, c.taxpayer.name, 'taxpayer.name', { size: 14, minSize: 6 })] },
  ];
  if (c.taxpayer.birthDate)
    person.push({ h: mm(8), cells: [label(lw, '生年月日', 'birthDate'), value(vw, wareki(c.taxpayer.birthDate), 'taxpayer.birthDate')] });
  const [gw, iw, aw] = columns(W, [1, 2.6, 2.4]) as [number, number, number];
  const amount = (group: string, item: string, key: string, v: number, field: string, first: boolean): Row => ({
    h: mm(7.5),
    cells: [label(gw, first ? group : '', `group.${key}`), label(iw, item, key), value(aw, `${formatYen(v)} 円`, field, { align: 'right', size: 11 })],
  });
  const section = (group: string, gkey: string, items: [string, string, number, string][]): Block =>
    rowsBlock(
      fonts,
      items.map(([item, key, v, field], i) => amount(group, item, `${gkey}.${key}`, v, field, i === 0)),
    );
  const blocks: Block[] = [
    rowsBlock(fonts, person),
    spacer(mm(4)),
    section('所得金額', 'income', [
      ['給与所得', 'salary', c.income.salary, 'income.salary'],
      ['事業所得', 'business', c.income.business, 'income.business'],
      ['その他の所得', 'other', c.income.other, 'income.other'],
      ['合計所得金額', 'total', c.income.total, 'income.total'],
    ]),
    spacer(mm(2)),
    section('所得控除', 'deductions', [
      ['社会保険料控除', 'social', c.deductions.social, 'deductions.social'],
      ['基礎控除', 'basic', c.deductions.basic, 'deductions.basic'],
      ['扶養控除', 'dependents', c.deductions.dependents, 'deductions.dependents'],
      ['所得控除合計', 'total', c.deductions.total, 'deductions.total'],
    ]),
    spacer(mm(2)),
    section('課税標準額', 'taxable', [['課税総所得金額', 'taxable', c.taxableIncome, 'taxableIncome']]),
    spacer(mm(2)),
    section('税額', 'tax', [
      ['市民税（所得割・均等割）', 'municipal', c.tax.municipal, 'tax.municipal'],
      ['県民税（所得割・均等割）', 'prefectural', c.tax.prefectural, 'tax.prefectural'],
      ['年税額', 'total', c.tax.total, 'tax.total'],
    ]),
    spacer(mm(2)),
    rowsBlock(fonts, [
      {
        h: mm(7.5),
        cells: [
          label(gw, '扶養等', 'dependents'),
          label(iw, '控除対象配偶者 / 扶養親族数', 'dependents.counts'),
          value(aw, `${c.dependents.spouse ? '有' : '無'} / ${c.dependents.count} 人`, 'dependents', { align: 'right' }),
        ],
      },
    ]),
  ];
  const fy = formatWarekiFiscalYear(c.fiscalYear);
  const incomeYear = formatWarekiFiscalYear(c.fiscalYear - 1).replace('年度', '年');
  return {
    title: '所得・課税証明書',
    subtitle: `（${fy}\u3000${incomeYear}中の所得）`,
    attestation: ['上記のとおり相違ないことを証明する。'],
    blocks,
    infoTitle: '所得・課税証明書',
  };
}
