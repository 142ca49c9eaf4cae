/**
 * The one logger factory for Node-side code (main, devices, backend).
 *
 * Logs are JSON lines (pino). Personal data must never reach them: callers log
 * ids, counts, states and error codes, never names, addresses, My Numbers, PINs
 * or APDU payloads. As a second line of defence the keys below are censored
 * wherever they appear in a logged object.
 */
import pino, { type Logger } from 'pino';
import type { RotatingLogFile } from './rotating-log-file';

export type { Logger };

/** Keys that could carry personal data or secrets: censored wherever a log line has them. */
export const REDACTED_KEYS = [
  'pin',
  'password',
  'passcode',
  'myNumber',
  'name',
  'kana',
  'address',
  'birthDate',
  'sex',
  'phone',
  'answers',
  'facts',
  'payload',
  'apdu',
  'data',
  'secret',
  'token',
  'key',
];

const redactPaths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

/** This process's kiosk id, added to every log line once the runtime knows it (a fleet's logs are merged). */
let kioskId: string | undefined;
/** The size-rotated log file, once the runtime opened one (lines still go to standard output too). */
let logFile: RotatingLogFile | undefined;

/** Every line logged from now on carries `kioskId` (all loggers, those already created too). */
export function setLogKioskId(id: string | undefined): void {
  kioskId = id;
}

/**
 * Also writes every line to `file` (replacing any file attached before). Returns the detach: it
 * closes `file` and stops writing to it, unless another file was attached since.
 */
export function attachLogFile(file: RotatingLogFile): () => void {
  logFile = file;
  return () => {
    if (logFile === file) logFile = undefined;
    file.close();
  };
}

/** The pino options every Madoguchi logger uses (exported so a test can check the censoring). */
export function loggerOptions(level: pino.LevelWithSilent = defaultLevel()): pino.LoggerOptions {
  return {
    level,
    base: { app: 'madoguchi' },
    redact: { paths: redactPaths, censor: '[redacted]' },
    mixin: () => (kioskId === undefined ? {} : { kioskId }),
  };
}

/** Standard output (synchronous, as pino's default) and, when set, the log file. */
const stdout = pino.destination({ dest: 1, sync: true });
const destination = {
  write(line: string): void {
    stdout.write(line);
    logFile?.write(line);
  },
};

function defaultLevel(): pino.LevelWithSilent {
  const fromEnv = process.env.MADOGUCHI_LOG_LEVEL;
  if (fromEnv && ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(fromEnv)) {
    return fromEnv as pino.LevelWithSilent;
  }
  // Tests keep their output readable; a failing test still prints its own assertion.
  return process.env.NODE_TEST_CONTEXT ? 'silent' : 'info';
}

const root: Logger = pino(loggerOptions(), destination);

/** Returns a logger for one component, e.g. `createLogger('card')`. */
export function createLogger(component: string): Logger {
  return root.child({ component });
}

/**
 * What to log of a caught error: its string `code` (ours, Node's, SQLite's, the printer's), else
 * its class name, else the thrown value's type. Never the message, which may quote a citizen's data.
 */
export function errorCode(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return err instanceof Error ? err.name : typeof err;
}
