/**
 * Printer benchmark (prints figures, asserts nothing):
 *  1. decoding a full Get-Printer-Attributes answer: our total decoder beside the `ipp` npm
 *     package's parser (the peer), same bytes, same run;
 *  2. a health() round trip to the simulator beside a bare HTTP POST of the same request (the peer:
 *     transport cost without our validation).
 */
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { decodeIppMessage } from '../../devices/printer/ipp/ipp-decode';
import { charsetAttr, encodeIppMessage, keywordAttr, languageAttr, uriAttr } from '../../devices/printer/ipp/ipp-encode';
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
      version: { major: 2, minor: 0 }, code: 0x000b, requestId: 1,
      groups: [{ tag: GroupTag.operation, attributes: [charsetAttr('attributes-charset', 'utf-8'), languageAttr('attributes-natural-language', 'en'), uriAttr('printer-uri', sim.uri), keywordAttr('requested-attributes', 'all')] }],
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
    const ours = rate('decode: madoguchi decodeIppMessage (validating)', 5_000, () => { decodeIppMessage(answer); });
    const peer = rate('decode: ipp@2.0.1 parse (peer, not validating)', 5_000, () => { ipp.parse(answer); });
    console.log(`decode ratio ours/peer: ${(ours / peer).toFixed(2)}`);

    const printer = createIppPrinter(sim.uri, { pollIntervalMs: 1 });
    await rateAsync('round trip: Printer.health() via simulator', 200, () => printer.health());
    await rateAsync('round trip: bare fetch POST of the same request (peer)', 200, post);
  } finally {
    await sim.stop();
  }
}

void main();
