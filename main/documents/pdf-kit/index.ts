/**
 * Layout primitives shared by certificates and application forms: plan a document as data
 * (pages of ops, in points, y down), check its glyphs, then paint it with pdfkit.
 */
export { A4, mm, PT_PER_MM, type Box } from './units';
export { textWidth, lineHeight } from './measure';
export { textLine, fitText, wrapText, TextOverflowError, type TextStyle, type FitOptions } from './text';
export { tableRow, columns, type Cell, type RowStyle } from './table';
export { flowBlocks, BlockTooTallError, type Block, type FlowArea, type FlowResult } from './flow';
export { qrPath, type QrErrorLevel } from './qr';
export { formatWareki, formatWarekiFiscalYear, formatIssuedAt, formatYen, toJst, JapaneseDateError } from './japanese-date';
export { paintPdf, PdfInfoError } from './paint-pdf';
export { textsOf, type DocumentPlan, type PagePlan, type DrawOp, type TextOp, type Color } from './plan';
