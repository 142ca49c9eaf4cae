/**
 * The composition root of the main side, shared by both shells.
 *
 * It builds the services from the configuration and wires them to the one contract:
 * the request router (renderer → main) and the event hub (main → renderer). A shell only
 * carries messages; everything a citizen can do is decided here and below.
 */
import type { KioskInfo } from '../contract/kiosk-api';
import { createLogger } from '../platform/log';
import type { KioskConfig } from './config/config-schema';
import { WARDS } from './config/wards';
import { EventHub } from './ipc/event-hub';
import { RequestRouter, type RequestHandlers } from './ipc/request-router';
import { SessionManager } from './session/session-manager';

const log = createLogger('runtime');

export type ShellKind = KioskInfo['shell'];

export interface KioskRuntime {
  readonly config: KioskConfig;
  readonly router: RequestRouter;
  readonly hub: EventHub;
  readonly session: SessionManager;
  /** Called by a shell when its renderer is gone for good (crash, closed tab): ends the session. */
  rendererGone(): Promise<void>;
  stop(): Promise<void>;
}

export async function createKioskRuntime(config: KioskConfig, shell: ShellKind): Promise<KioskRuntime> {
  const hub = new EventHub();
  const session = new SessionManager({
    idleTimeoutMs: config.idle.timeoutSec * 1000,
    promptMs: config.idle.promptSec * 1000,
    onChange: (state) => hub.emit('session.changed', state),
  });

  const info: KioskInfo = {
    kioskId: config.kioskId,
    ward: { id: config.ward, ...WARDS[config.ward] },
    languages: config.languages,
    defaultLanguage: config.defaultLanguage,
    shell,
    maintenance: config.maintenance,
  };

  const handlers: RequestHandlers = {
    'kiosk.getInfo': async () => info,
    'session.getState': async () => session.state(),
    'session.start': async ({ journey }) => session.start(journey),
    'session.setJourney': async ({ journey }) => session.setJourney(journey),
    'session.activity': async () => session.activity(),
    'session.extend': async () => session.extend(),
    'session.end': async ({ reason }) => session.end(reason),
  };
  const router = new RequestRouter(handlers);

  // Whatever a previous run left half-done is wiped before the first citizen arrives.
  await session.end('crash-recovery');
  log.info({ kioskId: config.kioskId, shell, devices: config.devices }, 'kiosk runtime ready');

  return {
    config,
    router,
    hub,
    session,
    rendererGone: async () => {
      if (session.active) await session.end('renderer-gone');
    },
    stop: async () => {
      session.dispose();
    },
  };
}
