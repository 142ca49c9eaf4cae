/**
 * Runs the CashUnit contract suite against both transport bindings: the simulated HID
 * transport, and the real NodeHidTransport over a fake node-hid device wired to the same
 * simulated cash unit (numbered and unnumbered report variants are covered in unit tests).
 */
import { cashUnitContract } from '../../support/payment/cash-unit-contract';
import { createSimCashUnit, SimCashUnitDevice } from '../../../devices/payment/cash/sim/sim-cash-unit-device';
import { NodeHidTransport } from '../../../devices/payment/hid/node-hid-transport';
import { FakeHidDevice } from '../../support/payment/fake-node-hid';

cashUnitContract('SimHidTransport', (fixture) => createSimCashUnit(fixture));

cashUnitContract('NodeHidTransport (fake node-hid device bridged to the simulator)', (fixture) => {
  const device = new SimCashUnitDevice(fixture);
  const transport = new NodeHidTransport(new FakeHidDevice(device), { description: 'hid:fake' });
  return { device, transport };
});
