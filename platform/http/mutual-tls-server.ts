/**
 * The HTTPS listener the ward's services share (the ward back end and the queue service): every
 * client shows a certificate of the city CA (mutual TLS, TLS 1.3 only), and slow clients are cut
 * off, so a stuck kiosk or desk cannot hold a connection open.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

/** The server's certificate and key, and the CA every client must chain to (PEM). */
export interface MutualTlsFiles {
  certPem: string;
  keyPem: string;
  clientCaPem: string;
}

export function createMutualTlsServer(tls: MutualTlsFiles): Server {
  const server = createServer({
    cert: tls.certPem,
    key: tls.keyPem,
    ca: tls.clientCaPem,
    requestCert: true,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.3',
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}

/** Listens on host:port (0 = any free port) and resolves with the port taken. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops listening and drops open connections; resolves at once when not listening. */
export function closeListener(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** The base URL of a listener (IPv6 hosts in brackets). */
export function baseUrlOf(host: string, port: number): string {
  return `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
