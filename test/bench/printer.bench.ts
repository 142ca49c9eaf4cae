/**
 * Printer benchmark (prints figures, asserts nothing):
 *  1. decoding a full Get-Printer-Attributes answer: our total decoder beside the `ipp` npm
 *     package's parser (the peer), same bytes, same run;
 *  2. a health() round trip to the simulator beside a bare HTTP POST of the same request (the peer:
 *     transport cost without our validation);
 *  3. crash recovery's lookup of a job by name, findJobs() (Get-Jobs over a 500-job history, as
 *     CUPS keeps by default, plus printer-up-time), beside jobStatus() by id (the peer: the lookup
 *     recovery makes when the job id was journaled).
 */
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { decodeIppMessage } from '../../devices/printer/ipp/ipp-decode';
import { charsetAttr, encodeIppMessage, keywordAttr, languageAttr, uriAttr } from '../../devices/printer/ipp/ipp-encode';
import { IppClient } from '../../devices/printer/ipp/ipp-client';
import { createIppPrinter } from '../../devices/printer/ipp/ipp-printer';
import { GroupTag } from '../../devices/printer/ipp/ipp-types';
import { startPrinterSimulator } from '../../devices/printer/sim/printer-sim';

/** The peer parser; the package ships no types, so only the one call used is typed here. */
const ipp = createRequire(__filename)('ipp') as { parse: ((b: Buffer) => unknown) & { handleUnknownTag: () => undefined } };

function rate(label: string, n: number, fn: () => void): number {
  for (let i = 0; i < Math.min(200, n); i++) fn(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  const perOp = (performance.now() - t0) / n;
  console.log(`${label.padEnd(52)} ${(perOp * 1000).toFixed(1).padStart(8)} µs/op`);
  return perOp;
}

async function rateAsync(label: string, n: number, fn: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 20; i++) await fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  console.log(`${label.padEnd(52)} ${((performance.now() - t0) / n).toFixed(2).padStart(8)} ms/op`);
}

async function main(): Promise<void> {
  const sim = await startPrinterSimulator({ msPerPage: 1, spoolDir: null });
  try {
    const request = encodeIppMessage({
      version: { major: 2, minor: 0 },
      code: 0x000b,
      requestId: 1,
      groups: [
        {
          tag: GroupTag.operation,
          attributes: [
            charsetAttr('attributes-charset', 'utf-8'),
            languageAttr('attributes-natural-language', 'en'),
            uriAttr('printer-uri', sim.uri),
            keywordAttr('requested-attributes', 'all'),
          ],
        },
      ],
      data: new Uint8Array(0),
    });
    const url = sim.uri.replace(/^ipp:/, 'http:');
    const post = async (): Promise<Buffer> => {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/ipp' }, body: new Uint8Array(request) });
      return Buffer.from(await res.arrayBuffer());
    };
    const answer = await post();
    console.log(`Get-Printer-Attributes answer: ${answer.length} bytes`);

    // The peer logs every tag it does not know (no-value, collections members...); keep the output readable.
    ipp.parse.handleUnknownTag = () => undefined;
    const ours = rate('decode: madoguchi decodeIppMessage (validating)', 5_000, () => {
      decodeIppMessage(answer);
    });
    const peer = rate('decode: ipp@2.0.1 parse (peer, not validating)', 5_000, () => {
      ipp.parse(answer);
    });
    console.log(`decode ratio ours/peer: ${(ours / peer).toFixed(2)}`);

    const printer = createIppPrinter(sim.uri, { pollIntervalMs: 1 });
    await rateAsync('round trip: Printer.health() via simulator', 200, () => printer.health());
    await rateAsync('round trip: bare fetch POST of the same request (peer)', 200, post);

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF\n');
    const client = new IppClient(sim.uri, { requestTimeoutMs: 5_000, submitTimeoutMs: 5_000, userName: 'madoguchi-kiosk' });
    let last = 0;
    for (let i = 1; i <= 500; i++) last = await client.printJob(pdf, `certificate-BENCH-${i}-1`, 1);
    while ((await client.getJob(last)).state !== 'completed') await new Promise((r) => setTimeout(r, 20));
    const found = await printer.findJobs('certificate-BENCH-250-1');
    console.log(`history: 500 jobs; findJobs matched ${found.jobs.length}, printer-up-time ${found.printerUpTimeS} s`);
    await rateAsync('recovery lookup: Printer.findJobs(name), 500 jobs', 50, () => printer.findJobs('certificate-BENCH-250-1'));
    await rateAsync('recovery lookup: Printer.jobStatus(id) (peer)', 200, () => printer.jobStatus(last));
  } finally {
    await sim.stop();
  }
}

void main();
