import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { ConfigError, loadConfigFile, mergeConfig, parseConfig, resolveConfig } from '../../../main/config/load-config';

function writeConfig(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-config-'));
  const path = join(dir, 'kiosk.json');
  writeFileSync(path, content);
  return path;
}

describe('configuration', () => {
  test('the embedded defaults are valid and use simulated devices and the embedded back end', () => {
    const config = resolveConfig([], {});
    assert.deepEqual(config.devices, { card: 'sim', printer: 'sim', cash: 'sim', cashless: 'sim' });
    assert.equal(config.backend.mode, 'embedded');
  });

  test('a file overlays the defaults key by key', () => {
    const path = writeConfig(JSON.stringify({ ward: 'moji', idle: { timeoutSec: 30 } }));
    const config = loadConfigFile(path);
    assert.equal(config.ward, 'moji');
    assert.equal(config.idle.timeoutSec, 30);
    assert.equal(config.idle.promptSec, DEFAULT_CONFIG.idle.promptSec);
  });

  test('an error names the bad key and its value', () => {
    const path = writeConfig(JSON.stringify({ idle: { promptSec: 5 }, devices: { card: 'usb' } }));
    assert.throws(
      () => loadConfigFile(path),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        assert.match(err.message, /idle\.promptSec = 5/);
        assert.match(err.message, /devices\.card = "usb"/);
        return true;
      },
    );
  });

  test('unknown keys are errors, not silently ignored', () => {
    assert.throws(() => parseConfig(mergeConfig(DEFAULT_CONFIG, { idel: { timeoutSec: 3 } })), /idel = .*unknown key/);
  });

  test('the prompt gives at least 20 seconds', () => {
    assert.throws(() => parseConfig(mergeConfig(DEFAULT_CONFIG, { idle: { promptSec: 19 } })), /idle\.promptSec = 19/);
    assert.equal(parseConfig(mergeConfig(DEFAULT_CONFIG, { idle: { promptSec: 20 } })).idle.promptSec, 20);
  });

  test('the default language must be one of the languages', () => {
    assert.throws(() => parseConfig(mergeConfig(DEFAULT_CONFIG, { languages: ['en'] })), /defaultLanguage = "ja"/);
  });

  test('the back end must be reached over https', () => {
    assert.throws(() => parseConfig(mergeConfig(DEFAULT_CONFIG, { backend: { url: 'http://ward.example/' } })), /backend\.url/);
  });

  test('a file that is not JSON, or missing, gets a clear error', () => {
    assert.throws(() => loadConfigFile(writeConfig('{ nope')), /not valid JSON/);
    assert.throws(() => loadConfigFile('/nonexistent/kiosk.json'), /cannot read config file .*ENOENT/);
  });

  test('--config and MADOGUCHI_CONFIG choose the file', () => {
    const path = writeConfig(JSON.stringify({ ward: 'tobata' }));
    assert.equal(resolveConfig(['node', 'x', '--config', path], {}).ward, 'tobata');
    assert.equal(resolveConfig([], { MADOGUCHI_CONFIG: path }).ward, 'tobata');
    assert.throws(() => resolveConfig(['--config'], {}), /needs a file path/);
  });
});
