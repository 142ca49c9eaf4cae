/** What a certificate type's layout produces, and helpers the layouts share. */
import type { Sex } from '../../../platform/certificate-seal';
import type { DocumentFonts } from '../fonts';
import type { Block } from '../pdf-kit/flow';
import { formatWareki } from '../pdf-kit/japanese-date';
import type { DrawOp } from '../pdf-kit/plan';
import { tableRow, type Cell, type RowStyle } from '../pdf-kit/table';
import { fitText } from '../pdf-kit/text';
import type { FrameText } from './frame';

/** A certificate type's layout: frame texts plus body blocks. */
export interface CertificateLayout extends FrameText {
  /** Body blocks, flowed over as many pages as needed. */
  blocks: Block[];
  /** PDF Info title: the document type only, never personal data. */
  infoTitle: string;
}

/** One table row: its height and cells. */
export interface Row {
  h: number;
  cells: Cell[];
}

/** A block made of table rows stacked without gaps. */
export function rowsBlock(fonts: DocumentFonts, rows: Row[], style?: RowStyle & { keepWithNext?: boolean }): Block {
  const height = rows.reduce((s, r) => s + r.h, 0);
  const block: Block = {
    height,
    draw: (x, y) => {
      let cy = y;
      return rows.flatMap((r) => {
        const ops = tableRow(fonts, x, cy, r.h, r.cells, style);
        cy += r.h;
        return ops;
      });
    },
  };
  if (style?.keepWithNext) block.keepWithNext = true;
  return block;
}

/** A block with a number cell spanning its rows on the left (member 1, 2, ...). */
export function numberedBlock(fonts: DocumentFonts, label: string, field: string, numberW: number, rows: Row[]): Block {
  const inner = rowsBlock(fonts, rows);
  return {
    height: inner.height,
    draw: (x, y) => {
      const ops: DrawOp[] = [{ kind: 'rect', x, y, w: numberW, h: inner.height, fill: '#e6ede9', stroke: { width: 0.5 } }];
      ops.push(...fitText(fonts, label, { x, y, w: numberW, h: inner.height }, { font: 'gothicBold', size: 10, field, align: 'center' }));
      ops.push(...inner.draw(x + numberW, y));
      return ops;
    },
  };
}

/** A gap of blank space (between sections). */
export function spacer(height: number): Block {
  return { height, draw: () => [] };
}

/** Shorthands for label and value cells. */
export const label = (w: number, text: string, key: string): Cell => ({ w, text, field: `label.${key}`, role: 'label' });
export const value = (w: number, text: string, field: string, extra: Partial<Cell> = {}): Cell => ({ w, text, field, role: 'value', ...extra });

/** 「昭和55年4月12日」 */
export const wareki = formatWareki;

/** 男 / 女 */
export function sexLabel(s: Sex): string {
  return s === 'male' ? '男' : '女';
}
