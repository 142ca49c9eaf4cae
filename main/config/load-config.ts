/**
 * Loads the configuration: embedded defaults, overlaid by an optional JSON file.
 *
 * The file is named by `--config <path>` or `MADOGUCHI_CONFIG`. Objects merge key by key;
 * arrays and values replace. The result is validated as a whole.
 */
import { readFileSync } from 'node:fs';
import { configSchema, type KioskConfig } from './config-schema';
import { DEFAULT_CONFIG } from './default-config';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Overlays `override` on `base`; both are plain JSON. */
export function mergeConfig(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = key in base ? mergeConfig(base[key], value) : value;
  return out;
}

function describeValue(root: unknown, path: PropertyKey[]): string {
  let v: unknown = root;
  for (const p of path) v = isPlainObject(v) || Array.isArray(v) ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  const text = JSON.stringify(v as Json);
  return text === undefined ? '(missing)' : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Validates a candidate configuration; throws a ConfigError naming every bad key and its value. */
export function parseConfig(candidate: unknown, source = 'config'): KioskConfig {
  const result = configSchema.safeParse(candidate);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    return keys
      .map(
        (path) =>
          `  ${path.map(String).join('.') || '(root)'} = ${describeValue(candidate, path)}: ${issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message}`,
      )
      .join('\n');
  });
  throw new ConfigError(`${source} is invalid:\n${lines.join('\n')}`);
}

/** Reads and validates the configuration file at `path`, overlaid on the defaults. */
export function loadConfigFile(path: string): KioskConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config file ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`config file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseConfig(mergeConfig(DEFAULT_CONFIG, parsed), path);
}

/** The configuration for this launch: `--config`, then MADOGUCHI_CONFIG, then the defaults. */
export function resolveConfig(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): KioskConfig {
  const flag = argv.indexOf('--config');
  const path = flag >= 0 ? argv[flag + 1] : env.MADOGUCHI_CONFIG;
  if (flag >= 0 && !path) throw new ConfigError('--config needs a file path');
  return path ? loadConfigFile(path) : parseConfig(DEFAULT_CONFIG, 'embedded defaults');
}
