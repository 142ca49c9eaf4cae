/**
 * Dispatches renderer requests to main-side handlers, validating both ways.
 *
 * Shared by both shells: the Electron IPC handler and the browser shell's WebSocket
 * bridge call `dispatch` with whatever arrived. Unknown channels and invalid payloads are
 * rejected and logged (channel name and issue paths only, never the payload), never run.
 */
import { KioskError } from '../../contract/errors';
import { channelNameSchema, type WireResult } from '../../contract/envelope';
import { isRequestName, requests, type RequestInput, type RequestName, type RequestOutput } from '../../contract/kiosk-api';
import { createLogger, errorCode } from '../../platform/log';

const log = createLogger('ipc');

/** One handler per request channel; the compiler checks that none is missing. */
export type RequestHandlers = {
  [K in RequestName]: (input: RequestInput<K>) => Promise<RequestOutput<K>>;
};

export class RequestRouter {
  constructor(private readonly handlers: RequestHandlers) {}

  async dispatch(channel: unknown, payload: unknown): Promise<WireResult> {
    if (!channelNameSchema.safeParse(channel).success || !isRequestName(channel)) {
      log.warn({ channel: typeof channel === 'string' ? channel.slice(0, 96) : typeof channel }, 'rejected unknown channel');
      return failure(new KioskError('unknown-channel'));
    }
    const spec = requests[channel];
    const input = spec.input.safeParse(payload);
    if (!input.success) {
      log.warn({ channel, issues: input.error.issues.map((i) => i.path.join('.') || '(root)') }, 'rejected invalid payload');
      return failure(new KioskError('invalid-request'));
    }
    try {
      const handler = this.handlers[channel] as (input: unknown) => Promise<unknown>;
      const value = await handler(input.data);
      const output = spec.output.safeParse(value);
      if (!output.success) {
        log.error({ channel, issues: output.error.issues.map((i) => i.path.join('.')) }, 'handler returned an invalid result');
        return failure(new KioskError('internal'));
      }
      return { ok: true, value: output.data };
    } catch (err) {
      if (err instanceof KioskError) return failure(err);
      log.error({ channel, err: errorCode(err) }, 'handler failed');
      return failure(new KioskError('internal'));
    }
  }
}

function failure(err: KioskError): WireResult {
  return { ok: false, error: err.toPayload() };
}
