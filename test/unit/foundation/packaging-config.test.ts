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
import { build } from 'esbuild';
import { load } from 'js-yaml';
import { kioskMainEntries, mainExternal, node } from '../../../build/scripts/bundle';

const root = join(__dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'));
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  return ajv.compile(schema);
}

describe('electron-builder.yml', () => {
  test("is valid against electron-builder's schema", () => {
    const validate = validator();
    assert.equal(validate(config), true, JSON.stringify(validate.errors, null, 2));
  });

  test('the schema check is real: a misspelt key fails it', () => {
    assert.equal(validator()({ ...config, asarUnpakc: ['x'] }), false);
  });

  test('builds a deb for Linux and NSIS for Windows', () => {
    const linux = config.linux as { target: { target: string }[] };
    const win = config.win as { target: { target: string }[] };
    assert.deepEqual(
      linux.target.map((t) => t.target),
      ['deb'],
    );
    assert.deepEqual(
      win.target.map((t) => t.target),
      ['nsis'],
    );
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
    for (const mod of ['better-sqlite3', 'pcsclite', 'node-hid'])
      assert.ok(
        unpack.some((p) => p.includes(mod)),
        mod,
      );
    assert.equal((config.directories as { buildResources: string }).buildResources, 'build');
  });

  test('the package carries the kiosk bundles and the ward content; no fixtures/, no demo entry, no backend/', () => {
    // The same matcher electron-builder applies to `files`, patterns in order, `!` excludes.
    const { minimatch } = createRequire(require.resolve('app-builder-lib/package.json'))('minimatch') as {
      minimatch: (path: string, pattern: string, opts?: { dot: boolean }) => boolean;
    };
    const patterns = config.files as string[];
    const shipped = (file: string) =>
      patterns.reduce(
        (included, p) => (p.startsWith('!') ? included && !minimatch(file, p.slice(1), { dot: true }) : included || minimatch(file, p, { dot: true })),
        false,
      );
    const repoFiles = (dir: string) => listFiles(join(root, dir)).map((f) => relative(root, f).split('\\').join('/'));
    const fixtures = repoFiles('fixtures');
    assert.ok(
      fixtures.some((f) => readFileSync(join(root, f), 'utf8').includes('PRIVATE KEY')),
      'fixtures/ holds TEST private keys (the check has something to check)',
    );
    assert.deepEqual(fixtures.filter(shipped), [], 'nothing of fixtures/ ships');
    assert.deepEqual(repoFiles('backend').filter(shipped), [], 'no backend/ source ships');
    const content = repoFiles('content');
    assert.ok(content.includes('content/demo-ward/documents/city-seal.png') && content.every(shipped), 'the demo ward content ships, all of it');
    assert.ok(shipped('dist/main/electron-main.js') && shipped('dist/renderer/main.js') && shipped('package.json'));
    assert.ok(!shipped('dist/demo/start-demo.js'), 'the demo entry (which bundles the back end) does not ship');
  });

  test("the kiosk's bundles hold no backend/ code (the demo entry's does)", async () => {
    // The same entries and options as `npm run build`, bundled in memory, their inputs listed.
    const inputs = async (entryPoints: Record<string, string>, external: string[]) =>
      Object.keys(
        (await build({ ...node, entryPoints, external, outdir: join(root, 'dist-probe'), write: false, metafile: true, sourcemap: false, absWorkingDir: root }))
          .metafile.inputs,
      );
    const kiosk = await inputs({ ...kioskMainEntries, preload: 'main/electron/preload.ts' }, mainExternal);
    assert.ok(kiosk.includes('main/kiosk-runtime.ts'), "the probe sees the kiosk's modules");
    assert.deepEqual(
      kiosk.filter((f) => f.startsWith('backend/') || f.startsWith('demo/') || f.startsWith('fixtures/')),
      [],
    );
    const demo = await inputs({ 'start-demo': 'demo/start-demo.ts' }, mainExternal);
    assert.ok(demo.includes('backend/start-ward-backend.ts'), 'the check would see backend/ code were it there');
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}
