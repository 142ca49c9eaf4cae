/**
 * Opens the configured cash unit backend. The simulator appears as a normal device: both
 * backends give a `CashUnit` over a `HidTransport`, so everything above is one code path.
 */
import type { HidTransport } from '../hid/hid-transport';
import { NodeHidTransport, type NodeHidConfig, type NodeHidModule } from '../hid/node-hid-transport';
import { CashUnit, type CashUnitOptions } from './cash-unit';
import { createSimCashUnit, type SimCashUnitDevice } from './sim/sim-cash-unit-device';
import { loadCashUnitSimFixture, type CashUnitSimFixture } from './sim/sim-cash-unit-fixture';

export type CashUnitBackendConfig =
  | { backend: 'hid'; hid: NodeHidConfig; options?: CashUnitOptions }
  | { backend: 'sim'; fixture?: CashUnitSimFixture; fixtureFile?: string; latencyMs?: number; options?: CashUnitOptions };

export interface OpenedCashUnit {
  unit: CashUnit;
  transport: HidTransport;
  /** The simulated device (test/demo hooks), only for the 'sim' backend. */
  sim: SimCashUnitDevice | null;
  /** Stops the service and closes the transport. */
  close(): Promise<void>;
}

export async function openCashUnit(cfg: CashUnitBackendConfig, hidModule?: NodeHidModule): Promise<OpenedCashUnit> {
  let transport: HidTransport;
  let sim: SimCashUnitDevice | null = null;
  if (cfg.backend === 'hid') {
    transport = await NodeHidTransport.open(cfg.hid, hidModule);
  } else {
    const fixture = cfg.fixture ?? loadCashUnitSimFixture(cfg.fixtureFile);
    const made = createSimCashUnit(fixture, { latencyMs: cfg.latencyMs ?? 0 });
    transport = made.transport;
    sim = made.device;
  }
  const unit = new CashUnit(transport, cfg.options);
  return {
    unit,
    transport,
    sim,
    close: async () => {
      unit.close();
      await transport.close();
    },
  };
}
