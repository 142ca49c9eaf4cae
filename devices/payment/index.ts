/**
 * Public surface of the payment devices for main/: the cash unit (HID), the cashless terminal,
 * their simulators, and the PaymentService facade. The byte layout lives only in
 * cash/cash-unit-protocol.ts (a vendor adapter replaces that module).
 */
export type { HidTransport, HidTransportEvents } from './hid/hid-transport';
export { HidTransportError } from './hid/hid-transport';
export { NodeHidTransport, type NodeHidConfig } from './hid/node-hid-transport';
export { SimHidTransport } from './hid/sim-hid-transport';
export { CashUnit, type CashUnitOptions, type CollectOptions, type CashUnitStatus } from './cash/cash-unit';
export {
  CashUnitError,
  type CashUnitErrorCode,
  type CollectResult,
  type RefundResult,
  type MoneyState,
  type PayoutProblem,
  type InsertedProgress,
  type AcceptingDenominations,
} from './cash/cash-unit-types';
export { acceptableDenominations, canPayOut, type ChangeInventory } from './cash/change-rule';
export { openCashUnit, type CashUnitBackendConfig, type OpenedCashUnit } from './cash/open-cash-unit';
export { SimCashUnitDevice, createSimCashUnit } from './cash/sim/sim-cash-unit-device';
export { loadCashUnitSimFixture, type CashUnitSimFixture } from './cash/sim/sim-cash-unit-fixture';
export type { Denomination, FaultCode } from './cash/cash-unit-protocol';
export type { CashlessTerminal, ChargeResult, CashlessRefundResult, CashlessStatus, DeclineReason } from './cashless/cashless-terminal';
export { SimCashlessTerminal } from './cashless/sim/sim-cashless-terminal';
export { loadCashlessSimFixture, type CashlessSimFixture, type CashlessStep } from './cashless/sim/sim-cashless-fixture';
export { PaymentService, PaymentError, type PaymentRecord, type PaymentState, type PaymentMethod, type PayOptions } from './payment-service';
