/**
 * Voice guidance benchmark (prints figures, asserts nothing): the latency a citizen waits between
 * pressing 「音声」 and the first byte of audio reaching the page, over the browser shell's real
 * path (the `voice.prompt` request on the bridge's WebSocket, the router, the engine or the cache,
 * then the WAV fetched from `/voice/`):
 *  - cold: each screen's Japanese prompt synthesised by espeak-ng on this request;
 *  - cached: the same prompts again (what a citizen gets once a screen's prompt was prepared);
 *  - peer: a bare `espeak-ng --stdout` spawn of the same text, to its first byte of output (the
 *    engine's own cost, without our bridge, checks and cache).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBridgeServer } from '../../main/browser-shell/bridge-server';
import { EventHub } from '../../main/ipc/event-hub';
import { RequestRouter, type RequestHandlers } from '../../main/ipc/request-router';
import { commandArgs } from '../../main/speech/command-engine';
import { ESPEAK_NG_SPEC } from '../../main/speech/espeak-engine';
import { createSpeechEngine } from '../../main/speech/speech-config';
import { createVoiceGuidance } from '../../main/speech/voice-guidance';
import { readNamespace } from '../unit/i18n/locale-strings';
import { callBridge, connectWithToken, freshToken } from '../support/bridge-client';

/** Milliseconds until the first body byte of a GET on the bridge's origin. */
function firstByte(origin: string, path: string): Promise<number> {
  const url = new URL(origin);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, headers: { host: url.host } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
      res.once('data', () => resolve(performance.now() - t0));
      res.resume();
    });
    req.on('error', reject);
    req.end();
  });
}

/** Milliseconds from spawning espeak-ng to its first byte of WAV on stdout. */
function bareSpawn(text: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(ESPEAK_NG_SPEC.executable, commandArgs(ESPEAK_NG_SPEC, 'ja', 'normal'), { stdio: ['pipe', 'pipe', 'ignore'] });
    let at: number | null = null;
    child.stdout.on('data', () => (at ??= performance.now() - t0));
    child.on('error', reject);
    child.on('close', () => (at === null ? reject(new Error('no output')) : resolve(at)));
    child.stdin.end(text);
  });
}

function report(label: string, ms: number[]): void {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  console.log(
    `${label.padEnd(58)} median ${at(0.5).toFixed(1).padStart(6)} ms   p95 ${at(0.95).toFixed(1).padStart(6)} ms   max ${sorted.at(-1)!.toFixed(1).padStart(6)} ms   (n=${ms.length})`,
  );
}

async function main(): Promise<void> {
  const prompts = [...new Set(readNamespace('ja', 'voice').values())];
  const rendererDir = mkdtempSync(join(tmpdir(), 'madoguchi-voice-bench-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  const voice = createVoiceGuidance({ engine: createSpeechEngine({ kind: 'espeak-ng' }), cacheEntries: 400, session: { registerWiper: () => () => true } });
  // Only the voice channels are reached: the rest of the router is not part of this path.
  const router = new RequestRouter(voice.handlers as RequestHandlers);
  const server = await startBridgeServer({ runtime: { hub: new EventHub(), router, rendererGone: async () => {}, voice }, rendererDir });
  const { ws } = await connectWithToken(server, freshToken(server));
  let id = 0;
  const pressVoice = async (text: string): Promise<number> => {
    const t0 = performance.now();
    const answer = (await callBridge(ws, ++id, 'voice.prompt', { lang: 'ja', text })) as { ok: boolean; value?: { audio: string } };
    if (!answer.ok || !answer.value) throw new Error('voice.prompt refused');
    const asked = performance.now() - t0;
    return asked + (await firstByte(server.origin, answer.value.audio));
  };
  try {
    await bareSpawn(prompts[0]!); // loads espeak-ng's data into the page cache for both sides
    const peer: number[] = [];
    const cold: number[] = [];
    const cached: number[] = [];
    for (const text of prompts) {
      peer.push(await bareSpawn(text));
      cold.push(await pressVoice(text));
    }
    for (let round = 0; round < 4; round++) for (const text of prompts) cached.push(await pressVoice(text));
    console.log(`${prompts.length} Japanese screen prompts (kana), espeak-ng ${ESPEAK_NG_SPEC.baseWpm} wpm; request to first audio byte:`);
    report('「音声」 cold (synthesised on the request)', cold);
    report('「音声」 cached (prepared when the screen appeared)', cached);
    report('peer: bare espeak-ng spawn to first stdout byte', peer);
  } finally {
    ws.close();
    await server.close();
    rmSync(rendererDir, { recursive: true, force: true });
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
