/**
 * The technician control endpoint of the simulator (`/control` on the simulator's own port):
 *   GET  /control                                  -> state as JSON
 *   POST /control {"action":"inject","fault":"media-jam","atPage":2}
 *   POST /control {"action":"inject","fault":"offline","mode":"silent"}
 *   POST /control {"action":"clear"}  or  {"action":"clear","fault":"media-empty"}
 * Commands are validated with zod; a bad command gets HTTP 400 and changes nothing.
 */
import type http from 'node:http';
import { z } from 'zod';
import { simFaultSchema, type SimFault } from './sim-config';
import type { SimJobState, SimPrinterModel } from './sim-printer-model';

const commandSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('inject'),
    fault: simFaultSchema,
    atPage: z.number().int().min(1).max(100_000).optional(),
    mode: z.enum(['refuse', 'silent']).optional(),
  }),
  z.strictObject({ action: z.literal('clear'), fault: simFaultSchema.optional() }),
]);

/** The simulator state as plain data. */
export interface SimSnapshot {
  state: 'idle' | 'processing' | 'stopped';
  reasons: string[];
  faults: SimFault[];
  jamArmedAtPage: number | null;
  jobs: { id: number; state: SimJobState; impressionsCompleted: number; impressions: number }[];
  printed: number;
}

export function simSnapshot(model: SimPrinterModel, printed: number): SimSnapshot {
  const st = model.printerState();
  return {
    state: st === 5 ? 'stopped' : st === 4 ? 'processing' : 'idle',
    reasons: model.printerStateReasons(),
    faults: [...model.faults],
    jamArmedAtPage: model.jamAtImpression,
    jobs: model.jobs.map((j) => ({ id: j.id, state: j.state, impressionsCompleted: j.impressionsCompleted, impressions: j.pages * j.copies })),
    printed,
  };
}

/** What the endpoint may do to the simulator. */
export interface ControlTarget {
  model: SimPrinterModel;
  injectFault(fault: SimFault, o: { atPage?: number; mode?: 'refuse' | 'silent' }): void;
  clearFaults(fault?: SimFault): void;
  printedCount(): number;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

export function handleControl(req: http.IncomingMessage, res: http.ServerResponse, t: ControlTarget): void {
  if (req.method === 'GET') return json(res, 200, simSnapshot(t.model, t.printedCount()));
  if (req.method !== 'POST') return json(res, 405, { error: 'method not allowed' });
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > 4096) req.destroy();
    else chunks.push(c);
  });
  req.on('end', () => {
    let raw: unknown;
    try {
      raw = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return json(res, 400, { error: 'body is not JSON' });
    }
    const cmd = commandSchema.safeParse(raw);
    if (!cmd.success) return json(res, 400, { error: 'bad command', issues: cmd.error.issues.map((i) => i.message) });
    const c = cmd.data;
    if (c.action === 'inject') t.injectFault(c.fault, { atPage: c.atPage, mode: c.mode });
    else t.clearFaults(c.fault);
    return json(res, 200, simSnapshot(t.model, t.printedCount()));
  });
}
