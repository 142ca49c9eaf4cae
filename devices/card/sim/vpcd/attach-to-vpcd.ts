/**
 * Puts any `ApduCard` into the real pcscd through the vsmartcard vpcd driver: connect = card
 * inserted, close = card removed. The driver is the TCP server (default 127.0.0.1:35963 =
 * reader "Virtual PCD 00 00"; 35964 = "Virtual PCD 00 01").
 */
import { createConnection, type Socket } from 'node:net';
import type { ApduCard } from '../apdu-card';
import { createLogger, errorCode } from '../../../../platform/log';
import { frame, VPCD_CONTROL, VpcdDecoder } from './vpcd-framing';

const log = createLogger('vpcd-card');

/** Default vpcd port of the first virtual reader. */
export const VPCD_DEFAULT_PORT = 35963;

/** Where to find vpcd. */
export interface VpcdOptions {
  /** vpcd host; 127.0.0.1 if omitted (never anything but loopback in this project). */
  readonly host?: string;
  /** vpcd TCP port; 35963 if omitted. */
  readonly port?: number;
  /** Connect timeout in ms (default 3000). */
  readonly connectTimeoutMs?: number;
}

/** Why an attachment ended. */
export type VpcdCloseReason = 'detached' | 'peer-closed' | 'protocol-error' | 'socket-error';

/** A card inserted into a vpcd reader. */
export interface VpcdAttachment {
  /** Removes the card (closes the connection); resolves once the socket is closed. Idempotent. */
  detach(): Promise<void>;
  /** Resolves when the connection ends for any reason (pcscd stopped, detach, bad frame). */
  readonly closed: Promise<VpcdCloseReason>;
}

/** Typed failure to attach. */
export class VpcdAttachError extends Error {
  constructor(
    /** connect-failed: nothing listening / refused; connect-timeout: no answer in time. */
    readonly code: 'connect-failed' | 'connect-timeout',
    message: string,
  ) {
    super(message);
    this.name = 'VpcdAttachError';
  }
}

/** Serves one connected socket for `card` until it closes. */
function serve(card: ApduCard, socket: Socket, port: number): Promise<VpcdCloseReason> {
  const decoder = new VpcdDecoder();
  let reason: VpcdCloseReason | null = null;
  const finish = (r: VpcdCloseReason): void => {
    reason ??= r;
  };
  socket.on('data', (chunk: Buffer) => {
    // After detach() ended our side the card is out of the reader: late commands get no answer.
    if (socket.writableEnded || socket.destroyed) return;
    for (const msg of decoder.push(chunk)) {
      if (msg.kind === 'invalid') {
        log.warn({ port, reason: msg.reason }, 'invalid vpcd frame, closing the connection');
        finish('protocol-error');
        socket.destroy();
        return;
      }
      if (msg.kind === 'control') {
        if (msg.code === VPCD_CONTROL.ATR) socket.write(frame(card.atr));
        else card.reset(); // power off, power on and reset all clear the card's volatile state
        continue;
      }
      let response: Uint8Array | null;
      try {
        response = card.transmit(msg.bytes);
      } catch (err) {
        // A card never throws; if it does, answer "no precise diagnosis" rather than hang the reader.
        log.error({ port, err: errorCode(err) }, 'card threw on an APDU');
        response = Uint8Array.of(0x6f, 0x00);
      }
      // A mute card sends nothing: vpcd (and pcscd behind it) waits until the card is pulled.
      if (response === null) continue;
      socket.write(frame(response.length > 0xffff ? Uint8Array.of(0x67, 0x00) : response));
    }
  });
  return new Promise((resolve) => {
    socket.on('error', (err: NodeJS.ErrnoException) => {
      log.warn({ port, code: err.code }, 'vpcd socket error');
      finish('socket-error');
    });
    socket.on('close', () => resolve(reason ?? 'peer-closed'));
  });
}

/** Connects `card` to vpcd; resolves once connected (the card is then inserted). */
export function attachToVpcd(card: ApduCard, options: VpcdOptions = {}): Promise<VpcdAttachment> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? VPCD_DEFAULT_PORT;
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host, port });
    socket.setNoDelay(true);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new VpcdAttachError('connect-timeout', `vpcd at ${host}:${port} did not answer`));
    }, options.connectTimeoutMs ?? 3000);
    const onError = (err: NodeJS.ErrnoException): void => {
      clearTimeout(timer);
      reject(new VpcdAttachError('connect-failed', `cannot connect to vpcd at ${host}:${port} (${err.code ?? 'error'})`));
    };
    socket.once('error', onError);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      let detaching = false;
      const closed = serve(card, socket, port).then((r) => (detaching ? 'detached' : r));
      log.debug({ port }, 'virtual card inserted');
      void closed.then((r) => log.debug({ port, reason: r }, 'virtual card removed'));
      resolve({
        closed,
        detach: async () => {
          detaching = true;
          socket.end();
          const force = setTimeout(() => socket.destroy(), 1000);
          await closed;
          clearTimeout(force);
        },
      });
    });
  });
}
