import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ElectronMainApi } from '../../../main/electron/electron-api';
import { blockShortcuts, denyAllPermissions, isTrustedSender, lockDownWebContents } from '../../../main/electron/hardening';
import { registerAppScheme } from '../../../main/electron/app-protocol';
import { isKioskAppUrl } from '../../../main/electron/window-options';
import { createFakeElectron } from '../../support/fake-electron';

/** A fake Electron after 'ready', with the app scheme registered and the lock-down applied, and one kiosk window. */
function lockedDownWindow() {
  const electron = createFakeElectron();
  const api: ElectronMainApi = electron;
  registerAppScheme(api.protocol);
  lockDownWebContents(api.app);
  electron.app.emitReady();
  const window = new electron.BrowserWindow({ show: false });
  window.webContents.commit('app://kiosk/index.html');
  return { electron, window, contents: window.webContents };
}

const OTHER_URLS = [
  'https://evil.example/',
  'http://kiosk/index.html',
  'app://other/index.html',
  'app://kiosk.evil.example/index.html',
  'app://evil.example/app://kiosk/',
  'app://user@kiosk/index.html',
  'app://user:pw@kiosk/index.html',
  'app://kiosk:8080/index.html',
  'app://KIOSK/index.html',
  'file:///opt/madoguchi/resources/app.asar/renderer/index.html',
  'devtools://devtools/bundled/inspector.html',
  'chrome://gpu/',
  'about:blank',
  'about:srcdoc',
  'data:text/html,<script>1</script>',
  'javascript:alert(1)',
  'blob:app://kiosk/4f1c',
  'app:kiosk/index.html',
  'app:///kiosk/index.html',
  '',
  'not a url',
];

describe('the kiosk URL check', () => {
  test('app://kiosk/ and its paths are the kiosk', () => {
    for (const url of ['app://kiosk/', 'app://kiosk/index.html', 'app://kiosk/assets/app.js?v=1#top', 'app://kiosk']) {
      assert.equal(isKioskAppUrl(url), true, url);
    }
  });

  test('every other scheme, host, user, port or malformed URL is not', () => {
    for (const url of OTHER_URLS) assert.equal(isKioskAppUrl(url), false, url);
  });

  test('the kiosk\'s URL has the opaque origin "null" in Node, which is why origins are not compared', () => {
    // Chromium serializes the privileged standard scheme as app://kiosk; Node's WHATWG URL does not.
    assert.equal(new URL('app://kiosk/index.html').origin, 'null');
  });
});

describe('isTrustedSender', () => {
  test("the kiosk's own top frame at app://kiosk/index.html is trusted", () => {
    const { contents } = lockedDownWindow();
    assert.equal(contents.mainFrame.url, 'app://kiosk/index.html');
    assert.equal(contents.mainFrame.origin, 'app://kiosk');
    assert.equal(isTrustedSender(contents.mainFrame, contents, contents), true);
  });

  test('a top frame at any other URL is not', () => {
    const { contents } = lockedDownWindow();
    for (const url of OTHER_URLS) {
      contents.commit(url);
      assert.equal(isTrustedSender(contents.mainFrame, contents, contents), false, url);
    }
  });

  test('a subframe is not, even one on app://kiosk/; nor a null frame, nor another web contents', () => {
    const { electron, contents } = lockedDownWindow();
    assert.equal(isTrustedSender(contents.addSubframe('app://kiosk/index.html'), contents, contents), false);
    assert.equal(isTrustedSender(contents.addSubframe(''), contents, contents), false, 'about:blank child (url "", parent origin)');
    assert.equal(isTrustedSender(null, contents, contents), false);
    const other = new electron.BrowserWindow({ show: false }).webContents;
    other.commit('app://kiosk/index.html');
    assert.equal(isTrustedSender(other.mainFrame, contents, other), false);
  });
});

describe('navigation, redirects, windows and webviews', () => {
  test('a page-initiated navigation inside app://kiosk/ goes ahead', () => {
    const { contents } = lockedDownWindow();
    assert.equal(contents.navigateFromPage('/index.html#staff'), true);
    assert.equal(contents.navigateFromPage('app://kiosk/other.html'), true);
    assert.equal(contents.getURL(), 'app://kiosk/other.html');
  });

  test('a navigation anywhere else is cancelled, in the top frame and in subframes', () => {
    const { contents } = lockedDownWindow();
    for (const url of OTHER_URLS.filter((u) => URL.canParse(u))) {
      assert.equal(contents.navigateFromPage(url), false, url);
      assert.equal(contents.getURL(), 'app://kiosk/index.html');
      const frame = contents.addSubframe('app://kiosk/blank.html');
      assert.equal(contents.navigateFromPage(url, frame), false, `subframe: ${url}`);
    }
  });

  test('redirects are refused, new windows denied, webviews destroyed', () => {
    const { contents } = lockedDownWindow();
    assert.equal(contents.redirect('https://evil.example/'), false);
    assert.equal(contents.redirect('app://kiosk/index.html'), false);
    assert.deepEqual(contents.openWindow('https://evil.example/'), { action: 'deny' });
    assert.deepEqual(contents.openWindow('app://kiosk/index.html'), { action: 'deny' });
    assert.equal(contents.attachWebview('https://evil.example/'), false);
  });

  test('every web contents is locked down, not only the first', () => {
    const { electron } = lockedDownWindow();
    const second = new electron.BrowserWindow({ show: false }).webContents;
    second.commit('app://kiosk/index.html');
    assert.equal(second.navigateFromPage('https://evil.example/'), false);
    assert.deepEqual(second.openWindow('https://evil.example/'), { action: 'deny' });
  });

  test('without the lock-down the fake lets all of it through (the checks above are not vacuous)', () => {
    const electron = createFakeElectron();
    electron.app.emitReady();
    const contents = new electron.BrowserWindow().webContents;
    contents.commit('app://kiosk/index.html');
    assert.equal(contents.navigateFromPage('https://evil.example/'), true);
    assert.deepEqual(contents.openWindow('https://evil.example/'), { action: 'allow' });
    assert.equal(contents.attachWebview('https://evil.example/'), true);
  });
});

describe('permissions', () => {
  test('every permission request, check and device request is denied', async () => {
    const { electron, contents } = lockedDownWindow();
    const session = electron.session.defaultSession;
    assert.equal(await session.requestPermission(contents, 'media', 'https://evil.example/'), true, 'Electron grants by default');
    denyAllPermissions(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      assert.equal(await session.requestPermission(contents, permission, 'app://kiosk/index.html'), false, permission);
      assert.equal(session.checkPermission(contents, permission, 'app://kiosk'), false, permission);
    }
    assert.equal(session.checkDevice('hid', 'app://kiosk'), false);
  });
});

describe('shortcuts', () => {
  test('outside maintenance: function keys and modified reload, devtools, zoom, print and quit keys are eaten; zoom is pinned', () => {
    const { contents } = lockedDownWindow();
    blockShortcuts(contents, false);
    assert.deepEqual(contents.zoomLimits, [1, 1]);
    for (const key of ['F5', 'F11', 'F12']) assert.equal(contents.pressKey(key), false, key);
    for (const key of ['r', 'R', 'w', 'q', 'i', 'p', '+', '-', '0', 'Tab']) assert.equal(contents.pressKey(key, { control: true }), false, `Ctrl+${key}`);
    assert.equal(contents.pressKey('i', { control: true, shift: true }), false, 'Ctrl+Shift+I');
    assert.equal(contents.pressKey('F4', { alt: true }), false, 'Alt+F4');
    for (const key of ['1', 'a', 'Enter', 'Backspace', 'f', 'r']) assert.equal(contents.pressKey(key), true, key);
  });

  test('in maintenance nothing is blocked', () => {
    const { contents } = lockedDownWindow();
    blockShortcuts(contents, true);
    assert.equal(contents.zoomLimits, null);
    assert.equal(contents.pressKey('F12'), true);
    assert.equal(contents.pressKey('r', { control: true }), true);
  });
});
