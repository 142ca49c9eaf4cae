/**
 * A speech engine's host with no process and no real time: records what would be spawned and
 * killed, and lets a test write the program's output, end it, or fire the time limit.
 */
import { EventEmitter } from 'node:events';
import type { SpawnOptions } from 'node:child_process';
import type { EngineHost, EngineProcess } from '../../../main/speech/command-engine';

export class FakeProcess extends EventEmitter implements EngineProcess {
  readonly stdout = new EventEmitter();
  stdinText: string | null = null;
  readonly stdin = {
    end: (chunk: string | Buffer) => {
      this.stdinText = chunk.toString();
    },
    on: () => this.stdin,
  };
  constructor(readonly pid: number) {
    super();
  }
  /** The program writes `bytes` and exits with `code`. */
  finish(bytes: Buffer, code = 0): void {
    this.stdout.emit('data', bytes);
    this.emit('close', code);
  }
}

export interface FakeHost extends EngineHost {
  readonly spawned: { command: string; args: readonly string[]; options: SpawnOptions; process: FakeProcess }[];
  readonly killed: { pid: number; signal: NodeJS.Signals }[];
  /** The time limits set and not cleared, by their length. */
  pendingTimers(): number[];
  /** Fires every pending time limit (time has run out). */
  expire(): void;
}

export function fakeEngineHost(): FakeHost {
  const spawned: FakeHost['spawned'] = [];
  const killed: FakeHost['killed'] = [];
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let nextTimer = 1;
  let nextPid = 4242;
  return {
    spawned,
    killed,
    spawn: (command, args, options) => {
      const process = new FakeProcess(nextPid++);
      spawned.push({ command, args, options, process });
      return process;
    },
    kill: (pid, signal) => killed.push({ pid, signal }),
    clock: {
      now: () => 0,
      setTimeout: (fn, ms) => {
        const id = nextTimer++;
        timers.set(id, { fn, ms });
        return id;
      },
      clearTimeout: (id) => timers.delete(id as number),
    },
    pendingTimers: () => [...timers.values()].map((t) => t.ms),
    expire: () => {
      const due = [...timers.values()];
      timers.clear();
      for (const t of due) t.fn();
    },
  };
}

/** A small valid PCM WAV as espeak-ng writes it to a pipe: placeholder sizes in the header. */
export function streamedWav(samples = 100): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(0x7ffff024, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(22_050, 24);
  header.writeUInt32LE(44_100, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(0x7ffff000, 40);
  return Buffer.concat([header, Buffer.alloc(samples * 2, 1)]);
}
