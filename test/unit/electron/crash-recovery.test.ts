import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_RELOADS, RELOAD_WINDOW_MS, watchRenderer } from '../../../main/electron/crash-recovery';
import { createFakeElectron } from '../../support/fake-electron';

/** A watched kiosk window with a hand-set clock; `settled()` lets the async recovery finish. */
function watched() {
  const electron = createFakeElectron();
  electron.app.emitReady();
  const window = new electron.BrowserWindow({ show: false });
  window.webContents.commit('app://kiosk/index.html');
  const clock = { now: 1_000_000 };
  const order: string[] = [];
  const onGone = async () => {
    order.push(`gone (reloads so far ${window.webContents.reloads})`);
  };
  watchRenderer(electron.app, window, onGone, () => clock.now);
  const settled = () => new Promise<void>((resolve) => setImmediate(resolve));
  return { app: electron.app, window, contents: window.webContents, clock, order, settled };
}

describe('crash recovery', () => {
  test('a crash, a hang and a failed main-frame load each end the session first, then reload', async () => {
    const { window, contents, order, settled } = watched();
    contents.crash('crashed', 139);
    await settled();
    assert.deepEqual(order, ['gone (reloads so far 0)']);
    assert.equal(contents.reloads, 1);
    window.hang();
    await settled();
    contents.failLoad(-6, 'ERR_FILE_NOT_FOUND', 'app://kiosk/index.html');
    await settled();
    assert.equal(contents.reloads, 3);
    assert.equal(order.length, 3);
  });

  test(`after ${MAX_RELOADS} reloads within the window the app relaunches and exits 0 instead`, async () => {
    const { app, contents, clock, settled } = watched();
    for (let i = 0; i < MAX_RELOADS; i++) {
      contents.crash('oom');
      await settled();
      clock.now += 1000;
    }
    assert.equal(app.relaunchRequested, false);
    contents.crash('oom');
    await settled();
    assert.equal(contents.reloads, MAX_RELOADS);
    assert.equal(app.relaunchRequested, true);
    assert.equal(app.exitCode, 0);
  });

  test('reloads older than the window no longer count', async () => {
    const { app, contents, clock, settled } = watched();
    for (let i = 0; i < MAX_RELOADS; i++) {
      contents.crash('killed');
      await settled();
    }
    clock.now += RELOAD_WINDOW_MS + 1;
    contents.crash('killed');
    await settled();
    assert.equal(contents.reloads, MAX_RELOADS + 1);
    assert.equal(app.relaunchRequested, false);
  });

  test('an aborted load (net::ERR_ABORTED, a superseded navigation) and a subframe failure are not a lost renderer', async () => {
    const { contents, order, settled } = watched();
    contents.failLoad(-3, 'ERR_ABORTED', 'app://kiosk/index.html');
    contents.failLoad(-6, 'ERR_FILE_NOT_FOUND', 'app://kiosk/frame.html', false);
    await settled();
    assert.deepEqual(order, []);
    assert.equal(contents.reloads, 0);
  });
});
