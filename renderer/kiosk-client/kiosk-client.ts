/**
 * The renderer's typed view of the contract.
 *
 * It picks the transport (the Electron preload's `window.madoguchi`, else the browser
 * shell's WebSocket) and validates every answer and event against the contract's schemas,
 * so a screen only ever sees well-formed data or a `KioskError`.
 */
import { BRIDGE_GLOBAL, type KioskBridge } from '../../contract/bridge-api';
import { KioskError } from '../../contract/errors';
import {
  events,
  isEventName,
  requests,
  type EventName,
  type EventPayload,
  type RequestInput,
  type RequestName,
  type RequestOutput,
} from '../../contract/kiosk-api';
import { createWebSocketBridge } from './websocket-bridge';

export class KioskClient {
  constructor(private readonly bridge: KioskBridge) {}

  async call<K extends RequestName>(channel: K, input: RequestInput<K>): Promise<RequestOutput<K>> {
    const checkedInput = requests[channel].input.parse(input);
    const result = await this.bridge.invoke(channel, checkedInput);
    if (!result.ok) throw new KioskError(result.error.code, result.error.messageKey);
    const output = requests[channel].output.safeParse(result.value);
    if (!output.success) throw new KioskError('invalid-response', 'errors.internal');
    return output.data as RequestOutput<K>;
  }

  on<K extends EventName>(channel: K, listener: (payload: EventPayload<K>) => void): () => void {
    return this.bridge.onEvent((name, payload) => {
      if (!isEventName(name) || name !== channel) return;
      const checked = events[channel].safeParse(payload);
      if (checked.success) listener(checked.data as EventPayload<K>);
    });
  }
}

export function connectKioskClient(): KioskClient {
  const preloaded = (window as unknown as Record<string, KioskBridge | undefined>)[BRIDGE_GLOBAL];
  return new KioskClient(preloaded ?? createWebSocketBridge());
}
