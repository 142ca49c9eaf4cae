/**
 * Our IPP printer simulator: a real IPP/2.0 server on loopback (`POST /ipp/print`), so the kiosk
 * reaches it through the same IPP client as a real printer. It keeps the last printed PDFs (in memory
 * and in a spool folder; see KEPT_DOCUMENTS) and takes fault commands from code (`injectFault`) or from technicians
 * over HTTP on the same server (`POST /control`, JSON; `GET /control` for the state).
 */
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, errorCode } from '../../../platform/log';
import { decodeIppMessage } from '../ipp/ipp-decode';
import { encodeIppMessage } from '../ipp/ipp-encode';
import { loadPrinterSimConfig, parsePrinterSimConfig, type PrinterSimConfig, type SimFault } from './sim-config';
import { handleControl, simSnapshot, type SimSnapshot } from './sim-control';
import { badRequestReply, handleIppRequest } from './sim-ipp-handlers';
import { SimPrinterModel } from './sim-printer-model';

const log = createLogger('printer-sim');

/** Printed documents a simulator keeps in memory and in its spool. */
export const KEPT_DOCUMENTS = 100;

/** Options of `startPrinterSimulator`. */
export interface PrinterSimulatorOptions {
  /** A config object, or a fixture name in `fixtures/printers/` / a .json path (default `kiosk-a4-mono`). */
  config?: PrinterSimConfig | string;
  /** Loopback address to listen on (default 127.0.0.1). */
  host?: '127.0.0.1' | '::1';
  /** TCP port (default 0: a free port). */
  port?: number;
  /** Simulated time per impression in ms; default 60 000 / ppm. Tests use a few ms. */
  msPerPage?: number;
  /** Spool folder for printed PDFs; default a fresh temp folder removed on stop; null keeps them in memory only. */
  spoolDir?: string | null;
  /** Largest IPP request accepted, bytes (default 64 MiB). */
  maxRequestBytes?: number;
}

/** A document the simulator has printed (accepted). */
export interface PrintedDocument {
  jobId: number;
  jobName: string;
  copies: number;
  pages: number;
  /** The PDF exactly as received. */
  pdf: Buffer;
  /** Where it was spooled, or null when spooling is off. */
  path: string | null;
}

/** Fault options: `atPage` arms a jam for that impression of the printing job; `mode` picks how `offline` looks. */
export interface FaultOptions {
  atPage?: number;
  /** `refuse` (default): connections are dropped; `silent`: requests are never answered. */
  mode?: 'refuse' | 'silent';
}

/** A running simulator. */
export interface PrinterSimulator {
  /** Printer URI, e.g. ipp://127.0.0.1:40123/ipp/print. */
  readonly uri: string;
  /** Technician control endpoint (POST JSON commands, GET state). */
  readonly controlUrl: string;
  readonly port: number;
  /** The last KEPT_DOCUMENTS documents accepted, in order (older ones are forgotten, their spool files removed). */
  readonly printed: readonly PrintedDocument[];
  /**
   * Calls `listener` the moment each Print-Job is accepted (before its response goes back), so a
   * test sees what the kiosk shows when a job is submitted, not only what printed later.
   * Returns the removal.
   */
  onJobSubmitted(listener: (job: { jobId: number; jobName: string }) => void): () => void;
  /** Adds a fault now (or arms a mid-job jam with `atPage`). */
  injectFault(fault: SimFault, options?: FaultOptions): void;
  /** Clears one fault, or all faults. Stopped jobs resume; an offline printer answers again. */
  clearFaults(fault?: SimFault): void;
  /** Current state as plain data (same as `GET /control`). */
  snapshot(): SimSnapshot;
  /** Stops the server, drops open connections and timers, removes a temp spool folder. */
  stop(): Promise<void>;
}

/** Starts the simulator; resolves once it listens. */
export async function startPrinterSimulator(options: PrinterSimulatorOptions = {}): Promise<PrinterSimulator> {
  const config = typeof options.config === 'object' ? parsePrinterSimConfig(options.config) : loadPrinterSimConfig(options.config);
  const host = options.host ?? '127.0.0.1';
  const maxBytes = options.maxRequestBytes ?? 64 * 1024 * 1024;
  const ownSpool = options.spoolDir === undefined;
  const spoolDir = ownSpool ? mkdtempSync(join(tmpdir(), 'madoguchi-printer-spool-')) : options.spoolDir;
  const model = new SimPrinterModel(config, options.msPerPage ?? Math.round(60_000 / config.ppm));
  const printed: PrintedDocument[] = [];
  let acceptedCount = 0;
  const submitListeners = new Set<(job: { jobId: number; jobName: string }) => void>();
  let offlineMode: 'refuse' | 'silent' = 'refuse';
  const held = new Set<http.ServerResponse>();
  const sockets = new Set<Socket>();

  const server = http.createServer();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const authority = host === '::1' ? `[::1]:${port}` : `${host}:${port}`;
  const ctx = { model, printerUri: `ipp://${authority}/ipp/print`, moreInfoUri: `http://${authority}/` };

  const onJob = (job: { id: number; name: string; copies: number; pages: number; document: Buffer }): void => {
    for (const listener of submitListeners) {
      try {
        listener({ jobId: job.id, jobName: job.name });
      } catch (err) {
        // A test's listener must not stall the printer's answer (the kiosk would wait for it).
        log.warn({ err: errorCode(err) }, 'job submission listener failed');
      }
    }
    let path: string | null = null;
    if (spoolDir) {
      path = join(spoolDir, `job-${job.id}.pdf`);
      writeFileSync(path, job.document);
    }
    printed.push({ jobId: job.id, jobName: job.name, copies: job.copies, pages: job.pages, pdf: job.document, path });
    acceptedCount++;
    // A simulator left running for days (a demo kiosk, the soak benchmark) keeps a bounded history.
    for (const old of printed.splice(0, Math.max(0, printed.length - KEPT_DOCUMENTS))) if (old.path) rmSync(old.path, { force: true });
    log.info({ jobId: job.id, pages: job.pages, copies: job.copies }, 'simulated printer accepted a job');
  };

  const injectFault = (fault: SimFault, o: FaultOptions = {}): void => {
    if (fault === 'offline') offlineMode = o.mode ?? 'refuse';
    model.injectFault(fault, fault === 'media-jam' ? o.atPage : undefined);
    log.info({ fault, atPage: o.atPage }, 'fault injected');
  };
  const clearFaults = (fault?: SimFault): void => {
    model.clearFaults(fault);
    if (!model.faults.has('offline')) {
      for (const res of held) res.destroy();
      held.clear();
    }
    log.info({ fault: fault ?? 'all' }, 'faults cleared');
  };

  server.on('request', (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    // Job URIs (/ipp/print/<id>) are IPP targets too, as RFC 8011 job-uri requires.
    if ((path === '/ipp/print' || /^\/ipp\/print\/[1-9][0-9]{0,8}$/.test(path ?? '')) && req.method === 'POST') {
      if (model.faults.has('offline')) {
        if (offlineMode === 'silent') held.add(res);
        else req.socket.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) {
          res.writeHead(413, { Connection: 'close' }).end();
          req.destroy();
          return;
        }
        chunks.push(c);
      });
      req.on('end', () => {
        if (size > maxBytes || res.writableEnded) return;
        const decoded = decodeIppMessage(Buffer.concat(chunks, size));
        const reply = decoded.ok ? handleIppRequest(ctx, decoded.message, onJob) : badRequestReply();
        res.writeHead(200, { 'Content-Type': 'application/ipp' }).end(encodeIppMessage(reply));
      });
      return;
    }
    if (path === '/control') {
      handleControl(req, res, { model, injectFault, clearFaults, printedCount: () => acceptedCount });
      return;
    }
    if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      const s = simSnapshot(model, acceptedCount);
      res
        .writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end(`${config.makeAndModel}\nstate: ${s.state}\nreasons: ${s.reasons.join(', ')}\njobs: ${s.jobs.length}, printed: ${s.printed}\n`);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
  });

  let stopped = false;
  return {
    uri: ctx.printerUri,
    controlUrl: `http://${authority}/control`,
    port,
    printed,
    onJobSubmitted: (listener) => {
      submitListeners.add(listener);
      return () => submitListeners.delete(listener);
    },
    injectFault,
    clearFaults,
    snapshot: () => simSnapshot(model, acceptedCount),
    async stop() {
      if (stopped) return;
      stopped = true;
      model.shutdown();
      for (const res of held) res.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
      if (ownSpool && spoolDir) rmSync(spoolDir, { recursive: true, force: true });
    },
  };
}
