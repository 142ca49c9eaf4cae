import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { registerAppScheme, serveRenderer } from '../../../main/electron/app-protocol';
import { contentSecurityPolicy } from '../../../main/security/content-policy';
import { createFakeElectron } from '../../support/fake-electron';

const rendererDir = mkdtempSync(join(tmpdir(), 'madoguchi-renderer-'));
after(() => rmSync(rendererDir, { recursive: true, force: true }));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>窓口</title>');
mkdirSync(join(rendererDir, 'assets'));
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(rendererDir, '..', 'madoguchi-outside.html'), 'outside');
after(() => rmSync(join(rendererDir, '..', 'madoguchi-outside.html'), { force: true }));

function servedProtocol() {
  const electron = createFakeElectron();
  registerAppScheme(electron.protocol);
  electron.app.emitReady();
  serveRenderer(electron.protocol, rendererDir);
  return electron.protocol;
}

describe('the app:// protocol', () => {
  test('app is registered privileged and standard before ready, so Chromium gives it the origin app://kiosk', () => {
    const electron = createFakeElectron();
    registerAppScheme(electron.protocol);
    assert.deepEqual(electron.protocol.privileged, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
    electron.app.emitReady();
    const window = new electron.BrowserWindow();
    window.webContents.commit('app://kiosk/index.html');
    assert.equal(window.webContents.mainFrame.origin, 'app://kiosk');
  });

  test('registering after ready is refused, as Electron documents', () => {
    const electron = createFakeElectron();
    electron.app.emitReady();
    assert.throws(() => registerAppScheme(electron.protocol), /before app is ready/);
  });

  test('serves the bundle with its content type and the security headers (the CSP among them)', async () => {
    const protocol = servedProtocol();
    const page = await protocol.fetch('app://kiosk/index.html');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(page.headers.get('content-security-policy'), contentSecurityPolicy());
    assert.match(page.headers.get('content-security-policy')!, /default-src 'none'/);
    assert.match(page.headers.get('content-security-policy')!, /connect-src 'none'/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    assert.equal(await page.text(), '<!doctype html><title>窓口</title>');
    const script = await protocol.fetch('app://kiosk/assets/app.js');
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal((await protocol.fetch('app://kiosk/')).status, 200, '/ is index.html');
  });

  test('other hosts, ports, methods, missing files and paths outside the bundle are 404, still with the CSP', async () => {
    const protocol = servedProtocol();
    const refused: [string, RequestInit?][] = [
      ['app://other/index.html'],
      ['app://KIOSK/index.html'],
      ['app://kiosk:99/index.html'],
      ['app://kiosk/index.html', { method: 'POST', body: 'x' }],
      ['app://kiosk/missing.js'],
      ['app://kiosk/%2e%2e/madoguchi-outside.html'],
      ['app://kiosk/..%2fmadoguchi-outside.html'],
      ['app://kiosk/assets/app.js%00.html'],
      ['app://kiosk/index.exe'],
    ];
    // (A WHATWG Request cannot carry userinfo, so the handler never sees app://user@kiosk/.)
    for (const [url, init] of refused) {
      const response = await protocol.fetch(url, init);
      assert.equal(response.status, 404, `${init?.method ?? 'GET'} ${url}`);
      assert.equal(response.headers.get('content-security-policy'), contentSecurityPolicy(), url);
    }
  });

  test("serves a voice prompt's WAV from memory under app://kiosk/voice/, by its hash only", async () => {
    const electron = createFakeElectron();
    registerAppScheme(electron.protocol);
    electron.app.emitReady();
    const hash = 'ab'.repeat(32);
    const wav = Buffer.from('RIFF....WAVE');
    serveRenderer(electron.protocol, rendererDir, { audio: (path) => (path === `/voice/${hash}.wav` ? wav : null) });
    const served = await electron.protocol.fetch(`app://kiosk/voice/${hash}.wav`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'audio/wav');
    assert.equal(served.headers.get('content-security-policy'), contentSecurityPolicy());
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), wav);
    for (const url of [`app://kiosk/voice/${'cd'.repeat(32)}.wav`, 'app://kiosk/voice/index.html', 'app://other/voice/' + hash + '.wav']) {
      assert.equal((await electron.protocol.fetch(url)).status, 404, url);
    }
  });
});
