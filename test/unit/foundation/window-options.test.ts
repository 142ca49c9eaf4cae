import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contentSecurityPolicy, securityHeaders } from '../../../main/security/content-policy';
import { APP_ENTRY, kioskWindowOptions } from '../../../main/electron/window-options';

describe('Electron window options', () => {
  for (const maintenance of [false, true]) {
    test(`the renderer is isolated and sandboxed (maintenance ${maintenance})`, () => {
      const prefs = kioskWindowOptions('/app/preload.js', maintenance).webPreferences!;
      assert.equal(prefs.contextIsolation, true);
      assert.equal(prefs.sandbox, true);
      assert.equal(prefs.nodeIntegration, false);
      assert.equal(prefs.nodeIntegrationInWorker, false);
      assert.equal(prefs.nodeIntegrationInSubFrames, false);
      assert.equal(prefs.webSecurity, true);
      assert.equal(prefs.allowRunningInsecureContent, false);
      assert.equal(prefs.experimentalFeatures, false);
      assert.equal(prefs.webviewTag, false);
      assert.equal(prefs.navigateOnDragDrop, false);
      assert.equal(prefs.preload, '/app/preload.js');
      assert.equal('enableBlinkFeatures' in prefs, false);
    });
  }

  test('kiosk and fullscreen outside maintenance; devtools only in maintenance', () => {
    const kiosk = kioskWindowOptions('/p.js', false);
    assert.equal(kiosk.kiosk, true);
    assert.equal(kiosk.fullscreen, true);
    assert.equal(kiosk.webPreferences?.devTools, false);
    assert.equal(kioskWindowOptions('/p.js', true).webPreferences?.devTools, true);
  });

  test('the renderer comes from the privileged app scheme, not file://', () => {
    assert.match(APP_ENTRY, /^app:\/\/kiosk\//);
  });
});

describe('content security policy', () => {
  test('nothing remote, no inline or eval script, no plugins, no framing', () => {
    const csp = contentSecurityPolicy();
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /connect-src 'none'/);
    // The voice prompts' WAVs, from the page's own origin only (main/speech).
    assert.match(csp, /media-src 'self'(;|$)/);
  });

  test('the browser shell may connect only to its own bridge', () => {
    assert.match(contentSecurityPolicy('ws://127.0.0.1:4000'), /connect-src 'self' ws:\/\/127\.0\.0\.1:4000(;|$)/);
    assert.equal(securityHeaders()['X-Content-Type-Options'], 'nosniff');
  });
});

describe('Auxclick', () => {
  test('middle-click cannot open windows', () => {
    assert.equal(kioskWindowOptions('/p.js', false).webPreferences?.disableBlinkFeatures, 'Auxclick');
  });
});
