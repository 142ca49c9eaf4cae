/**
 * The queue service's routes (queue/openapi.yaml). Kiosks take tickets and check reservations in;
 * ward clerks' desks call and move tickets; both may read. Every body is validated by its zod
 * schema from contract/queue-api.ts before the store sees it.
 */
import {
  checkInRequestSchema,
  reserveRequestSchema,
  takeTicketRequestSchema,
  transitionRequestSchema,
  type PublicTicketStatus,
} from '../../contract/queue-api';
import { ApiError } from '../../platform/http/api-error';
import type { PeerCertificate } from '../../platform/http/client-roles';
import { readJson } from '../../platform/http/read-json-body';
import type { Route } from '../../platform/http/route-table';
import { QueueError, type QueueErrorCode } from '../queue-errors';
import type { QueueStore, TicketStatus } from '../queue-store';

/** Who called, from the verified client certificate. */
export interface QueueCaller {
  peer: PeerCertificate;
}

export type CallerRole = PeerCertificate['role'];

export interface QueueRoute extends Route<QueueCaller> {
  /** The certificate roles that may call this route. */
  callers: readonly CallerRole[];
}

const MAX_BODY_BYTES = 4_096;

/** The HTTP status of each refusal of the store. */
const statusOf: Record<QueueErrorCode, number> = {
  'unknown-ward': 404,
  'unknown-service': 404,
  'unknown-counter': 404,
  'ticket-not-found': 404,
  'reservation-not-found': 404,
  'illegal-transition': 409,
  'slot-full': 409,
  'reservation-already-checked-in': 409,
  'reservation-not-today': 409,
  'check-in-too-early': 409,
  'transfer-target-required': 400,
  'reservation-not-offered': 422,
  'slot-invalid': 422,
};

export function apiErrorOf(err: QueueError): ApiError {
  return new ApiError(statusOf[err.code], err.code, err.message);
}

/** The citizen-facing view: the ticket's own state, never its receipt or kiosk. */
export function publicStatus(s: TicketStatus): PublicTicketStatus {
  const t = s.ticket;
  return {
    id: t.id,
    ward: t.ward,
    day: t.day,
    number: t.number,
    service: t.service,
    state: t.state,
    counter: t.counter,
    ahead: s.ahead,
    estimatedWaitMinutes: s.estimatedWaitMinutes,
    transferredTo: t.transferredTo,
  };
}

const KIOSK: readonly CallerRole[] = ['kiosk'];
const CLERK: readonly CallerRole[] = ['clerk'];
const ANYONE: readonly CallerRole[] = ['kiosk', 'clerk'];

export function queueRoutes(store: QueueStore): QueueRoute[] {
  return [
    { method: 'GET', path: '/v1/health', callers: ANYONE, handle: () => ({ status: 200, body: { status: 'ok' } }) },
    {
      method: 'POST',
      path: '/v1/wards/{ward}/tickets',
      callers: KIOSK,
      async handle({ req, params, extra }) {
        const body = await readJson(req, takeTicketRequestSchema, MAX_BODY_BYTES);
        const s = await store.takeTicket({ ward: params.ward!, service: body.service, receipt: body.receipt, kiosk: extra.peer.cn });
        return { status: 201, body: publicStatus(s) };
      },
    },
    {
      method: 'GET',
      path: '/v1/tickets/{id}',
      callers: ANYONE,
      handle: async ({ params }) => ({ status: 200, body: publicStatus(await store.ticketStatus(params.id!)) }),
    },
    {
      method: 'GET',
      path: '/v1/wards/{ward}/estimates',
      callers: ANYONE,
      handle: async ({ params }) => ({ status: 200, body: { services: await store.estimates(params.ward!) } }),
    },
    {
      method: 'POST',
      path: '/v1/wards/{ward}/counters/{counter}/call-next',
      callers: CLERK,
      handle: async ({ params }) => ({ status: 200, body: { ticket: await store.callNext({ ward: params.ward!, counter: params.counter! }) } }),
    },
    {
      method: 'POST',
      path: '/v1/tickets/{id}/transition',
      callers: CLERK,
      async handle({ req, params }) {
        const body = await readJson(req, transitionRequestSchema, MAX_BODY_BYTES);
        return { status: 200, body: await store.transition({ id: params.id!, ...body }) };
      },
    },
    {
      method: 'POST',
      path: '/v1/wards/{ward}/reservations',
      callers: ANYONE,
      async handle({ req, params }) {
        const body = await readJson(req, reserveRequestSchema, MAX_BODY_BYTES);
        return { status: 201, body: await store.reserve({ ward: params.ward!, ...body }) };
      },
    },
    {
      method: 'GET',
      path: '/v1/wards/{ward}/reservations/{code}',
      callers: ANYONE,
      handle: async ({ params }) => ({ status: 200, body: await store.reservation(params.ward!, params.code!) }),
    },
    {
      method: 'POST',
      path: '/v1/wards/{ward}/reservations/check-in',
      callers: KIOSK,
      async handle({ req, params, extra }) {
        const body = await readJson(req, checkInRequestSchema, MAX_BODY_BYTES);
        const r = await store.checkIn({ ward: params.ward!, code: body.code, kiosk: extra.peer.cn });
        return { status: 201, body: { timing: r.timing, ticket: publicStatus(r.status) } };
      },
    },
  ];
}
