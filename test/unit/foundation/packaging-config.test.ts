/**
 * electron-builder.yml is checked against electron-builder's own JSON schema, so a typo
 * shows here rather than on the day a ward builds its package (no packaging run needed).
 */
import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { load } from 'js-yaml';

const root = join(__dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'));
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  return ajv.compile(schema);
}

describe('electron-builder.yml', () => {
  test('is valid against electron-builder\'s schema', () => {
    const validate = validator();
    assert.equal(validate(config), true, JSON.stringify(validate.errors, null, 2));
  });

  test('the schema check is real: a misspelt key fails it', () => {
    assert.equal(validator()({ ...config, asarUnpakc: ['x'] }), false);
  });

  test('builds a deb for Linux and NSIS for Windows', () => {
    const linux = config.linux as { target: { target: string }[] };
    const win = config.win as { target: { target: string }[] };
    assert.deepEqual(linux.target.map((t) => t.target), ['deb']);
    assert.deepEqual(win.target.map((t) => t.target), ['nsis']);
  });

  test('production fuses: no run-as-node, no NODE_OPTIONS, no inspector, app only from asar', () => {
    assert.deepEqual(
      { ...(config.electronFuses as object) },
      {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        onlyLoadAppFromAsar: true,
        enableEmbeddedAsarIntegrityValidation: true,
        enableCookieEncryption: true,
        loadBrowserProcessSpecificV8Snapshot: false,
        grantFileProtocolExtraPrivileges: false,
      },
    );
  });

  test('native modules are unpacked from asar and resources come from build/', () => {
    const unpack = config.asarUnpack as string[];
    for (const mod of ['better-sqlite3', 'pcsclite', 'node-hid']) assert.ok(unpack.some((p) => p.includes(mod)), mod);
    assert.equal((config.directories as { buildResources: string }).buildResources, 'build');
  });

  test('no private key of the demo PKI or the city seal ships; only the fictional cards keep theirs', () => {
    // The same matcher electron-builder applies to `files`, patterns in order, `!` excludes.
    const { minimatch } = createRequire(require.resolve('app-builder-lib/package.json'))('minimatch') as {
      minimatch: (path: string, pattern: string, opts?: { dot: boolean }) => boolean;
    };
    const patterns = config.files as string[];
    const shipped = (file: string) =>
      patterns.reduce((included, p) => (p.startsWith('!') ? included && !minimatch(file, p.slice(1), { dot: true }) : included || minimatch(file, p, { dot: true })), false);
    const keys = listFiles(join(root, 'fixtures'))
      .filter((f) => readFileSync(f, 'utf8').includes('PRIVATE KEY'))
      .map((f) => relative(root, f).split('\\').join('/'));
    const simulatorKeys = (f: string) => f.startsWith('fixtures/pki/jpki/cards/') || f === 'fixtures/pki/jpki/card-ap-key.pem';
    assert.ok(keys.some((f) => !simulatorKeys(f)), 'the fixtures hold TEST private keys (the check has something to check)');
    assert.deepEqual(keys.filter((f) => !simulatorKeys(f) && shipped(f)), []);
    assert.ok(shipped('fixtures/residents.json') && shipped('fixtures/pki/kiosk/city-ca.cert.pem'), 'public demo data still ships');
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}
