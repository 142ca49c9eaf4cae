import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { KioskBridge } from '../../../contract/bridge-api';
import { EVENT_CHANNEL, exposeKioskBridge, INVOKE_CHANNEL } from '../../../main/electron/preload-bridge';
import { createFakeElectron } from '../../support/fake-electron';

/** The preload run in a kiosk page, with main answering `kiosk:invoke` by echoing what reached it. */
function preloadedPage() {
  const electron = createFakeElectron();
  electron.app.emitReady();
  const contents = new electron.BrowserWindow().webContents;
  contents.commit('app://kiosk/index.html');
  const reached: unknown[][] = [];
  electron.ipcMain.handle(INVOKE_CHANNEL, (_event, ...args) => {
    reached.push(args);
    return { ok: true, value: { echoed: args[1] ?? null } };
  });
  const { ipcRenderer, contextBridge } = electron.rendererFor(contents);
  exposeKioskBridge(contextBridge, ipcRenderer);
  return { contents, ipcRenderer, window: contextBridge.mainWorld, bridge: contextBridge.mainWorld['madoguchi'] as KioskBridge, reached };
}

describe('the preload bridge', () => {
  test('exposes one window.madoguchi with invoke and onEvent and nothing else', () => {
    const { window, bridge } = preloadedPage();
    assert.deepEqual(Object.keys(window), ['madoguchi']);
    assert.deepEqual(Object.keys(bridge).sort(), ['invoke', 'onEvent']);
    assert.ok(Object.isFrozen(bridge));
  });

  test('a well-formed channel goes to main on kiosk:invoke with its payload, and the answer comes back', async () => {
    const { bridge, reached } = preloadedPage();
    assert.deepEqual(await bridge.invoke('session.start', { journey: null }), { ok: true, value: { echoed: { journey: null } } });
    assert.deepEqual(reached, [['session.start', { journey: null }]]);
  });

  test('a malformed channel is answered unknown-channel without reaching main', async () => {
    const { bridge, reached } = preloadedPage();
    const bad: unknown[] = [
      'kiosk:invoke',
      'session',
      'Session.start',
      'session.start.x',
      '../x.y',
      'session.start ',
      '',
      'a'.repeat(40) + '.b',
      42,
      null,
      { toString: () => 'session.start' },
    ];
    for (const channel of bad) {
      assert.deepEqual(await bridge.invoke(channel as string, {}), { ok: false, error: { code: 'unknown-channel', messageKey: 'errors.unknown-channel' } });
    }
    assert.deepEqual(reached, []);
  });

  test('events from main reach the listener; a non-string channel is dropped; unsubscribing stops them', () => {
    const { bridge, contents, ipcRenderer } = preloadedPage();
    const seen: [string, unknown][] = [];
    const off = bridge.onEvent((channel, payload) => seen.push([channel, payload]));
    contents.send(EVENT_CHANNEL, 'session.changed', { phase: 'idle' });
    contents.send(EVENT_CHANNEL, 7, { phase: 'idle' });
    contents.send('other:channel', 'session.changed', {});
    assert.deepEqual(seen, [['session.changed', { phase: 'idle' }]]);
    off();
    assert.equal(ipcRenderer.listenerCount(EVENT_CHANNEL), 0);
    contents.send(EVENT_CHANNEL, 'session.changed', { phase: 'idle' });
    assert.equal(seen.length, 1);
  });
});
