/**
 * Flows blocks of known height down pages: the pagination every multi-page certificate and
 * form needs, with room reserved on the last page (for an attestation and seal, a signature box).
 */
import type { DrawOp } from './plan';

/** A vertical block: its height is known before it is drawn. */
export interface Block {
  /** Height in points. */
  height: number;
  /** Ops for the block with its top-left corner at (x, y). */
  draw(x: number, y: number): DrawOp[];
  /** Keep on the same page as the next block (a heading before its first row). */
  keepWithNext?: boolean;
}

/** Page geometry for {@link flowBlocks}. */
export interface FlowArea {
  x: number;
  /** Top of the body on every page. */
  top: number;
  /** Bottom of the body on pages other than the last. */
  bottom: number;
  /** Bottom of the body on the last page (room for the closing block below it). */
  lastBottom: number;
  /** Space between blocks. */
  gap?: number;
}

/** Thrown when a single block is taller than a page body. */
export class BlockTooTallError extends Error {
  readonly code = 'block-too-tall' as const;
  constructor() {
    super('a block is taller than the page body');
    this.name = 'BlockTooTallError';
  }
}

/** Result of {@link flowBlocks}. */
export interface FlowResult {
  /** One op list per page (at least one page). */
  pages: DrawOp[][];
  /** y just below the last block on the last page (area.top when it has none). */
  endY: number;
}

/** Distributes blocks over pages. */
export function flowBlocks(blocks: Block[], area: FlowArea): FlowResult {
  const gap = area.gap ?? 0;
  const pages: Block[][] = [[]];
  let y = area.top;
  blocks.forEach((b, i) => {
    if (b.height > area.bottom - area.top) throw new BlockTooTallError();
    // a keep-with-next block needs its follower on the same page
    const need = b.height + (b.keepWithNext && blocks[i + 1] ? gap + blocks[i + 1]!.height : 0);
    if (y + need > area.bottom && pages[pages.length - 1]!.length > 0) {
      pages.push([]);
      y = area.top;
    }
    pages[pages.length - 1]!.push(b);
    y += b.height + gap;
  });
  // The last page must leave room for the closing block: move its tail onto a new page until
  // it does (a lone block too tall for it leaves the closing block alone on the last page).
  const height = (p: Block[]) => p.reduce((s, b) => s + b.height + gap, 0) - (p.length > 0 ? gap : 0);
  const avail = area.lastBottom - area.top;
  for (;;) {
    const last = pages[pages.length - 1]!;
    if (height(last) <= avail) break;
    const moved: Block[] = [];
    while (height(last) > avail && last.length > 1) moved.unshift(last.pop()!);
    while (last.length > 1 && last[last.length - 1]!.keepWithNext) moved.unshift(last.pop()!);
    pages.push(moved);
  }
  let endY = area.top;
  const drawn = pages.map((p) => {
    let cy = area.top;
    const ops = p.flatMap((b) => {
      const o = b.draw(area.x, cy);
      cy += b.height + gap;
      return o;
    });
    endY = p.length > 0 ? cy - gap : area.top;
    return ops;
  });
  return { pages: drawn, endY };
}
