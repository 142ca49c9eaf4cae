/**
 * Connects the kiosk to its ward back end at `backend.url`, over mutual TLS with the kiosk's client
 * certificate. The kiosk never runs a back end itself: the demo entry (demo/start-demo.ts) starts
 * the reference one and hands the kiosk its URL, as for any remote back end.
 */
import { readFileSync } from 'node:fs';
import type { KioskConfig } from '../config/config-schema';
import { ConfigError } from '../config/load-config';
import { resolveProjectPath } from '../config/project-paths';
import { WardClient, type WardClientTls } from './ward-client';

export interface WardConnection {
  client: WardClient;
  close(): Promise<void>;
}

/** The kiosk's client certificate, its key and the city CA (PEM), as every ward service is reached with. */
export function readWardTls(config: Pick<KioskConfig, 'backend'>): WardClientTls {
  const read = (file: string) => readFileSync(resolveProjectPath(file), 'utf8');
  return { certPem: read(config.backend.tls.certFile), keyPem: read(config.backend.tls.keyFile), caPem: read(config.backend.tls.caFile) };
}

export async function connectWard(config: KioskConfig): Promise<WardConnection> {
  if (config.backend.mode === 'embedded') {
    // Only the demo entry can honour "embedded": it starts the reference back end and passes its URL.
    throw new ConfigError(
      'backend.mode is "embedded": only the demo (npm start) runs the embedded back end; a kiosk needs backend.mode "remote" and backend.url',
    );
  }
  const client = new WardClient(config.backend.url.replace(/\/$/, ''), readWardTls(config));
  return {
    client,
    close: async () => {
      client.close();
    },
  };
}
