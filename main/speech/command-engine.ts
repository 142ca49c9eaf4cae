/**
 * A speech engine that is a program: spawned with an argument array (never a shell), the prompt
 * written to its stdin (never on its command line, where a text starting with "-" would read as an
 * option), its WAV read from stdout, bounded in size and time. On timeout the process is stopped
 * by its pid. espeak-ng is one preset of it (espeak-engine.ts); a city's engine is another, set in
 * the configuration (speech-config.ts).
 */
import { spawn as nodeSpawn, type SpawnOptions } from 'node:child_process';
import type { Language } from '../../contract/kiosk-api';
import type { VoiceRate } from '../../contract/voice';
import { systemClock, type Clock } from '../../platform/clock';
import { SpeechError, type SpeechEngine, type SynthesisOptions } from './speech-engine';
import { checkedWav } from './wav';

/** The rate the citizen chose, as a factor of the engine's base speed. */
export const RATE_FACTORS: Readonly<Record<VoiceRate, number>> = { slow: 0.8, normal: 1, fast: 1.25 };

export const DEFAULT_SYNTHESIS_TIMEOUT_MS = 5000;
/** A prompt of 600 characters is well under this at 16-bit 22 kHz; more is a runaway engine. */
export const DEFAULT_MAX_WAV_BYTES = 16 * 1024 * 1024;

export interface CommandEngineSpec {
  id: string;
  executable: string;
  /**
   * The arguments; in each, `{voice}` is the language's voice, `{wpm}` the rate in words a minute
   * and `{rate}` the rate as a factor (e.g. `1.25`). The text itself is never an argument.
   */
  args: readonly string[];
  /** Each spoken language's voice name; a language absent here is not spoken. */
  voices: Partial<Readonly<Record<Language, string>>>;
  /** Words a minute at the normal rate. */
  baseWpm: number;
  timeoutMs?: number;
  maxBytes?: number;
}

/** The part of a child process the engine uses (a test passes a fake). */
export interface EngineProcess {
  readonly pid?: number | undefined;
  readonly stdin: { end(chunk: string | Buffer): void; on(event: 'error', listener: (err: Error) => void): unknown } | null;
  readonly stdout: { on(event: 'data', listener: (chunk: Buffer) => void): unknown } | null;
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: 'close', listener: (code: number | null) => void): unknown;
}

export interface EngineHost {
  spawn(command: string, args: readonly string[], options: SpawnOptions): EngineProcess;
  /** Stops a process by its pid (default `process.kill`). */
  kill(pid: number, signal: NodeJS.Signals): void;
  clock: Clock;
}

export const nodeEngineHost: EngineHost = {
  spawn: (command, args, options) => nodeSpawn(command, [...args], options),
  kill: (pid, signal) => process.kill(pid, signal),
  clock: systemClock,
};

/** The arguments for one synthesis: the placeholders filled from the spec, never from the text. */
export function commandArgs(spec: CommandEngineSpec, voice: string, rate: VoiceRate): string[] {
  const factor = RATE_FACTORS[rate];
  const values: Record<string, string> = { voice, wpm: String(Math.round(spec.baseWpm * factor)), rate: String(factor) };
  return spec.args.map((arg) => arg.replace(/\{(voice|wpm|rate)\}/g, (_, name: string) => values[name]!));
}

export function createCommandEngine(spec: CommandEngineSpec, host: EngineHost = nodeEngineHost): SpeechEngine {
  const languages = (Object.keys(spec.voices) as Language[]).filter((lang) => Boolean(spec.voices[lang]));
  const timeoutMs = spec.timeoutMs ?? DEFAULT_SYNTHESIS_TIMEOUT_MS;
  const maxBytes = spec.maxBytes ?? DEFAULT_MAX_WAV_BYTES;
  return {
    id: spec.id,
    languages,
    synthesize: (text: string, { lang, rate }: SynthesisOptions) => {
      const voice = spec.voices[lang];
      if (!voice) return Promise.reject(new SpeechError('unsupported-language'));
      return run(host, spec.executable, commandArgs(spec, voice, rate), text, timeoutMs, maxBytes);
    },
  };
}

function run(host: EngineHost, executable: string, args: string[], text: string, timeoutMs: number, maxBytes: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    let settled = false;
    const chunks: Buffer[] = [];
    let size = 0;
    // Never a shell: the arguments reach the program exactly as given. stderr is not read (it may echo the text).
    const child = host.spawn(executable, args, { shell: false, stdio: ['pipe', 'pipe', 'ignore'] });
    const stop = () => {
      if (child.pid !== undefined) {
        try {
          host.kill(child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    };
    const finish = (outcome: { wav: Buffer } | { error: SpeechError }) => {
      if (settled) return;
      settled = true;
      host.clock.clearTimeout(timer);
      if ('error' in outcome) reject(outcome.error);
      else resolve(outcome.wav);
    };
    const timer = host.clock.setTimeout(() => {
      stop();
      finish({ error: new SpeechError('timeout') });
    }, timeoutMs);
    child.on('error', () => finish({ error: new SpeechError('failed') }));
    child.stdout?.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        stop();
        return finish({ error: new SpeechError('too-large') });
      }
      chunks.push(chunk);
    });
    child.on('close', (code) => {
      if (code !== 0) return finish({ error: new SpeechError('failed') });
      try {
        finish({ wav: checkedWav(Buffer.concat(chunks)) });
      } catch (err) {
        finish({ error: err instanceof SpeechError ? err : new SpeechError('bad-output') });
      }
    });
    child.stdin?.on('error', () => finish({ error: new SpeechError('failed') }));
    child.stdin?.end(text);
  });
}
