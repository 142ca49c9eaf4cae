import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { KioskBridge } from '../../../contract/bridge-api';
import type { FatalErrorPolicy } from '../../../main/fatal-errors';
import { runElectronShell, type ShellRuntime } from '../../../main/electron/electron-shell';
import { exposeKioskBridge } from '../../../main/electron/preload-bridge';
import { EventHub } from '../../../main/ipc/event-hub';
import { RequestRouter, type RequestHandlers } from '../../../main/ipc/request-router';
import { contentSecurityPolicy } from '../../../main/security/content-policy';
import { createFakeElectron, FakeMachine, type FakeElectron, type FakeWebFrameMain } from '../../support/fake-electron';

const rendererDir = mkdtempSync(join(tmpdir(), 'madoguchi-shell-'));
after(() => rmSync(rendererDir, { recursive: true, force: true }));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>窓口</title>');

const REFUSED = { ok: false, error: { code: 'unknown-channel', messageKey: 'errors.unknown-channel' } };

/** A runtime whose router has one real handler (session.getState); the shell only ever dispatches. */
function fakeRuntime(maintenance: boolean) {
  const calls = { getState: 0, rendererGone: 0, stop: 0 };
  const handlers = {
    'session.getState': async () => {
      calls.getState += 1;
      return { phase: 'idle' as const };
    },
  } as Partial<RequestHandlers> as RequestHandlers;
  const runtime: ShellRuntime = {
    config: { maintenance },
    router: new RequestRouter(handlers),
    hub: new EventHub(),
    rendererGone: async () => void (calls.rendererGone += 1),
    stop: async () => void (calls.stop += 1),
  };
  return { runtime, calls };
}

/** Starts the shell on a fake Electron the way Electron does: the module runs, then the app becomes ready. */
async function startShell(options: { maintenance?: boolean; electron?: FakeElectron; failRuntime?: boolean } = {}) {
  const electron = options.electron ?? createFakeElectron();
  const { runtime, calls } = fakeRuntime(options.maintenance ?? false);
  const failures: unknown[] = [];
  const policies: FatalErrorPolicy[] = [];
  const running = runElectronShell(electron, {
    rendererDir,
    preloadPath: '/opt/madoguchi/resources/app.asar/dist/main/preload.js',
    createRuntime: async () => {
      if (options.failRuntime) throw new Error('store locked');
      return runtime;
    },
    fail: (err) => failures.push(err),
    installFatalErrors: (policy) => {
      policies.push(policy);
      return () => undefined;
    },
  });
  electron.app.emitReady();
  await running;
  return { electron, runtime, calls, failures, policies, window: electron.windows[0] };
}

/** The preload's bridge in one frame of the kiosk's web contents. */
function bridgeIn(electron: FakeElectron, frame?: FakeWebFrameMain) {
  const contents = electron.windows[0]!.webContents;
  const renderer = electron.rendererFor(contents, frame);
  exposeKioskBridge(renderer.contextBridge, renderer.ipcRenderer);
  return { bridge: renderer.contextBridge.mainWorld['madoguchi'] as KioskBridge, ipcRenderer: renderer.ipcRenderer };
}

describe('IPC from the kiosk page through the request router', () => {
  test("an invoke from the kiosk's own frame (app://kiosk/index.html) reaches the handler and returns its answer", async () => {
    const { electron, calls } = await startShell();
    const { bridge } = bridgeIn(electron);
    assert.equal(electron.windows[0]!.webContents.mainFrame.url, 'app://kiosk/index.html');
    assert.deepEqual(await bridge.invoke('session.getState', {}), { ok: true, value: { phase: 'idle' } });
    assert.equal(calls.getState, 1);
    assert.deepEqual(await bridge.invoke('session.getState', { extra: 1 }), {
      ok: false,
      error: { code: 'invalid-request', messageKey: 'errors.invalid-request' },
    });
    assert.equal(calls.getState, 1, 'the router still validates the payload');
  });

  test('the same invoke from any other top-frame URL is refused before the router', async () => {
    for (const url of [
      'https://evil.example/',
      'app://other/index.html',
      'app://kiosk.evil.example/',
      'app://user@kiosk/index.html',
      'file:///opt/madoguchi/index.html',
      'devtools://devtools/bundled/inspector.html',
      'about:blank',
      'data:text/html,x',
    ]) {
      const { electron, calls } = await startShell();
      electron.windows[0]!.webContents.commit(url);
      const { bridge } = bridgeIn(electron);
      assert.deepEqual(await bridge.invoke('session.getState', {}), REFUSED, url);
      assert.equal(calls.getState, 0, url);
    }
  });

  test('from a subframe (even on app://kiosk/), a frame gone mid-call (null), or another window, it is refused', async () => {
    const { electron, calls } = await startShell();
    const contents = electron.windows[0]!.webContents;
    const inSubframe = bridgeIn(electron, contents.addSubframe('app://kiosk/index.html'));
    assert.deepEqual(await inSubframe.bridge.invoke('session.getState', {}), REFUSED);
    const blankChild = bridgeIn(electron, contents.addSubframe(''));
    assert.deepEqual(await blankChild.bridge.invoke('session.getState', {}), REFUSED);
    const gone = bridgeIn(electron);
    gone.ipcRenderer.senderFrame = null;
    assert.deepEqual(await gone.bridge.invoke('session.getState', {}), REFUSED);

    const other = new electron.BrowserWindow({ show: false }).webContents;
    other.commit('app://kiosk/index.html');
    const otherRenderer = electron.rendererFor(other);
    assert.deepEqual(await otherRenderer.ipcRenderer.invoke('kiosk:invoke', 'session.getState', {}), REFUSED);
    assert.equal(calls.getState, 0);
  });

  test('runtime events reach the page on kiosk:event, and not once its web contents is destroyed', async () => {
    const { electron, runtime } = await startShell();
    const { bridge } = bridgeIn(electron);
    const seen: [string, unknown][] = [];
    bridge.onEvent((channel, payload) => seen.push([channel, payload]));
    runtime.hub.emit('session.changed', { phase: 'idle' });
    assert.deepEqual(seen, [['session.changed', { phase: 'idle' }]]);
    electron.windows[0]!.webContents.destroy();
    runtime.hub.emit('session.changed', { phase: 'idle' });
    assert.equal(seen.length, 1);
  });
});

describe('the Electron shell', () => {
  test('loads app://kiosk/index.html with the CSP header into a hidden, hardened window that shows when ready', async () => {
    const { window } = await startShell();
    assert.ok(window);
    assert.equal(window.page?.status, 200);
    assert.equal(window.page?.headers.get('content-security-policy'), contentSecurityPolicy());
    assert.equal(window.options.show, false);
    assert.equal(window.visible, true);
    assert.equal(window.options.kiosk, true);
    assert.equal(window.options.webPreferences?.sandbox, true);
    assert.equal(window.options.webPreferences?.contextIsolation, true);
    assert.equal(window.options.webPreferences?.preload, '/opt/madoguchi/resources/app.asar/dist/main/preload.js');
    assert.equal(window.webContents.navigateFromPage('https://evil.example/'), false, 'locked down');
    assert.deepEqual(window.webContents.zoomLimits, [1, 1], 'shortcuts blocked outside maintenance');
  });

  test('denies permissions and keeps the display awake', async () => {
    const { electron, window } = await startShell();
    assert.equal(await electron.session.defaultSession.requestPermission(window!.webContents, 'media', 'app://kiosk/index.html'), false);
    assert.deepEqual([...electron.powerSaveBlocker.active.values()], ['prevent-display-sleep']);
  });

  test('a second instance exits at once and brings the first one forward', async () => {
    const machine = new FakeMachine();
    const first = await startShell({ electron: createFakeElectron({ machine }) });
    assert.equal(first.window!.focused, false);
    const second = await startShell({ electron: createFakeElectron({ machine, argv: ['madoguchi', '--second'] }) });
    assert.equal(second.electron.app.exitCode, 0);
    assert.equal(second.electron.windows.length, 0);
    assert.equal(second.electron.protocol.privileged.length, 0);
    assert.equal(first.window!.focused, true);
  });

  test('a crashed renderer ends the session and reloads', async () => {
    const { window, calls } = await startShell();
    window!.webContents.crash('crashed');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(calls.rendererGone, 1);
    assert.equal(window!.webContents.reloads, 1);
  });

  test('outside maintenance a closed window and a fatal error relaunch the app; in maintenance they only stop it', async () => {
    const kiosk = await startShell();
    kiosk.electron.app.emit('window-all-closed');
    assert.equal(kiosk.electron.app.relaunchRequested, true);
    assert.equal(kiosk.electron.app.exitCode, 0);

    const crashed = await startShell();
    assert.equal(crashed.policies.length, 1);
    crashed.policies[0]!.exit(70);
    assert.equal(crashed.electron.app.relaunchRequested, true);
    assert.equal(crashed.electron.app.exitCode, 70);
    await crashed.policies[0]!.shutdown();
    assert.equal(crashed.calls.stop, 1);

    const technician = await startShell({ maintenance: true });
    assert.equal(technician.window!.webContents.zoomLimits, null, 'no shortcut blocking in maintenance');
    technician.policies[0]!.exit(70);
    assert.equal(technician.electron.app.relaunchRequested, false);
    assert.equal(technician.electron.app.exitCode, 70);
    const closing = await startShell({ maintenance: true });
    closing.electron.app.emit('window-all-closed');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(closing.calls.stop, 1);
    assert.equal(closing.electron.app.quitRequested, true);
    assert.equal(closing.electron.app.relaunchRequested, false);
  });

  test('a runtime that cannot start is reported through fail, and no window opens', async () => {
    const { electron, failures } = await startShell({ failRuntime: true });
    assert.equal(failures.length, 1);
    assert.equal(electron.windows.length, 0);
  });
});
