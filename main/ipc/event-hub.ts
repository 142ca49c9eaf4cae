/**
 * Fans main-side events out to the connected renderer(s), validating each against the contract.
 *
 * Services emit through the hub and never talk to a shell; each shell adds a sink
 * (Electron: `webContents.send`; browser shell: the WebSocket) and removes it on disconnect.
 */
import { events, type EventName, type EventPayload } from '../../contract/kiosk-api';
import { createLogger, errorCode } from '../../platform/log';

const log = createLogger('events');

export type EventSink = (channel: EventName, payload: unknown) => void;

export class EventHub {
  private readonly sinks = new Set<EventSink>();

  /** Adds a sink; returns its removal function. */
  addSink(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  emit<K extends EventName>(channel: K, payload: EventPayload<K>): void {
    const checked = events[channel].safeParse(payload);
    if (!checked.success) {
      log.error({ channel }, 'refused to emit an event that breaks the contract');
      return;
    }
    for (const sink of this.sinks) {
      try {
        sink(channel, checked.data);
      } catch (err) {
        log.warn({ channel, err: errorCode(err) }, 'event sink failed');
      }
    }
  }
}
