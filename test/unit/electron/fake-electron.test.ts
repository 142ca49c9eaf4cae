/**
 * The fake follows Electron's documented behaviour: these pin the parts the shell's tests rely on,
 * each against the sentence of the docs (or lib/ source) it models.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chromiumOrigin, createFakeElectron, FakeMachine } from '../../support/fake-electron';

function ready() {
  const electron = createFakeElectron();
  electron.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  electron.app.emitReady();
  return electron;
}

describe('the fake Electron', () => {
  test('BrowserWindow, session and protocol.handle are refused before ready; whenReady resolves after it', async () => {
    const electron = createFakeElectron();
    assert.throws(() => new electron.BrowserWindow(), /before the app is ready/);
    assert.throws(() => electron.session.defaultSession, /before the app is ready/);
    assert.throws(() => electron.protocol.handle('app', () => new Response(null)), /before the app is ready/);
    electron.app.emitReady();
    await electron.app.whenReady();
    assert.ok(new electron.BrowserWindow());
  });

  test('web-contents-created is emitted before the BrowserWindow constructor returns', () => {
    const electron = ready();
    const created: unknown[] = [];
    electron.app.on('web-contents-created', (_event, contents) => created.push(contents));
    const window = new electron.BrowserWindow();
    assert.deepEqual(created, [window.webContents]);
  });

  test('frame origins are Chromium\'s: app://kiosk for the standard app scheme, "null" for opaque ones, the parent\'s for about:blank', () => {
    const schemes = new Set(['app']);
    assert.equal(chromiumOrigin('app://kiosk/index.html', schemes), 'app://kiosk');
    assert.equal(chromiumOrigin('app://kiosk/index.html', new Set()), 'null');
    assert.equal(chromiumOrigin('https://evil.example:8443/x', schemes), 'https://evil.example:8443');
    assert.equal(chromiumOrigin('data:text/html,x', schemes), 'null');
    const contents = new (ready().BrowserWindow)().webContents;
    contents.commit('app://kiosk/index.html');
    assert.equal(contents.addSubframe('').origin, 'app://kiosk');
  });

  test('loadURL fires no will-navigate; a page navigation fires will-frame-navigate then will-navigate (main frame only)', async () => {
    const electron = ready();
    electron.protocol.handle('app', () => new Response('<!doctype html>'));
    const window = new electron.BrowserWindow();
    const seen: string[] = [];
    window.webContents.on('will-navigate', (e: { url: string }) => seen.push(`will-navigate ${e.url}`));
    window.webContents.on('will-frame-navigate', (e: { url: string; isMainFrame: boolean }) => seen.push(`will-frame-navigate ${e.url} ${e.isMainFrame}`));
    await window.loadURL('app://kiosk/index.html');
    assert.deepEqual(seen, []);
    window.webContents.navigateFromPage('help.html');
    window.webContents.navigateFromPage('app://kiosk/x.html', window.webContents.addSubframe('app://kiosk/f.html'));
    assert.deepEqual(seen, [
      'will-frame-navigate app://kiosk/help.html true',
      'will-navigate app://kiosk/help.html',
      'will-frame-navigate app://kiosk/x.html false',
    ]);
  });

  test('loadURL of a scheme nobody handles fails the load and rejects', async () => {
    const electron = ready();
    const window = new electron.BrowserWindow();
    const failed: number[] = [];
    window.webContents.on('did-fail-load', (_e: unknown, code: number) => failed.push(code));
    await assert.rejects(window.loadURL('gopher://x/'));
    assert.deepEqual(failed, [-302]);
  });

  test('ipcMain.handle refuses a second handler; invoke rejects like Electron for a missing or throwing handler; arguments are cloned', async () => {
    const electron = ready();
    const contents = new electron.BrowserWindow().webContents;
    const { ipcRenderer } = electron.rendererFor(contents);
    await assert.rejects(ipcRenderer.invoke('nobody'), { message: "Error invoking remote method 'nobody': Error: No handler registered for 'nobody'" });
    electron.ipcMain.handle('boom', () => {
      throw new TypeError('bad');
    });
    assert.throws(() => electron.ipcMain.handle('boom', () => 1), /second handler for 'boom'/);
    await assert.rejects(ipcRenderer.invoke('boom'), { message: "Error invoking remote method 'boom': TypeError: bad" });
    electron.ipcMain.handle('fn', () => 1);
    await assert.rejects(
      ipcRenderer.invoke('fn', () => 1),
      /could not be cloned/,
    );
  });

  test('webContents.send on a destroyed web contents throws', () => {
    const contents = new (ready().BrowserWindow)().webContents;
    contents.destroy();
    assert.throws(() => contents.send('x'), /destroyed/);
  });

  test('the single-instance lock: the second instance gets false, the first gets its argv in second-instance', () => {
    const machine = new FakeMachine();
    const first = createFakeElectron({ machine });
    assert.equal(first.app.requestSingleInstanceLock(), true);
    const argvSeen: string[][] = [];
    first.app.on('second-instance', (_e: unknown, argv: string[]) => argvSeen.push(argv));
    const second = createFakeElectron({ machine, argv: ['madoguchi', '--x'] });
    assert.equal(second.app.requestSingleInstanceLock(), false);
    assert.deepEqual(argvSeen, [['madoguchi', '--x']]);
    first.app.exit(0);
    assert.equal(createFakeElectron({ machine }).app.requestSingleInstanceLock(), true, 'the lock goes with the process');
  });
});
