/**
 * Virtual card costs, beside peers measured in the same run:
 *  - building a card from its fixture vs. just reading and parsing its JSON files;
 *  - reading the 2 KB auth-cert EF with 8 short READ BINARYs vs. copying 2 KB;
 *  - COMPUTE DIGITAL SIGNATURE through transmit() vs. node:crypto privateEncrypt with the same key.
 * Prints figures only; nothing is asserted.
 */
import { constants, privateEncrypt } from 'node:crypto';
import { CardStateRegistry, VirtualMyNumberCard, loadCardFixture, readCardFixture, loadResidents } from '../../devices/card/sim/virtual-card';

function measure(label: string, n: number, fn: () => void): number {
  for (let i = 0; i < Math.min(5, n); i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  const us = Number(process.hrtime.bigint() - start) / 1000 / n;
  console.log(`${label.padEnd(58)} ${us.toFixed(1).padStart(9)} µs/op  (n=${n})`);
  return us;
}
const hex = (s: string): Buffer => Buffer.from(s, 'hex');

const registry = new CardStateRegistry();
measure('build VirtualMyNumberCard from fixture (card-001)', 50, () => VirtualMyNumberCard.fromFixture('card-001', { registry }));
measure('peer: read + validate card and resident JSON only', 50, () => {
  readCardFixture('card-001');
  loadResidents();
});

const card = VirtualMyNumberCard.fromFixture('card-001', { registry });
card.transmit(hex('00A4040C0AD392F000260100000001'));
card.transmit(hex('00A4020C02000A'));
measure('read 2 KB cert EF: 8 × READ BINARY Le=00', 2000, () => {
  for (let off = 0; off < 2048; off += 256) card.transmit(hex(`00B0${off.toString(16).padStart(4, '0')}00`));
});
const src = Buffer.alloc(2048);
measure('peer: copy 2 KB', 2000, () => Buffer.from(src));

card.transmit(hex('00A4020C020018'));
card.transmit(hex('002000800431323334'));
card.transmit(hex('00A4020C020017'));
const digestInfo = '3031300D060960864801650304020105000420' + '11'.repeat(32);
const apdu = hex(`802A008033${digestInfo}00`);
measure('COMPUTE DIGITAL SIGNATURE via transmit()', 200, () => card.transmit(apdu));
const key = loadCardFixture('card-001').auth!.privateKey;
measure('peer: privateEncrypt RSA-2048 PKCS#1 v1.5', 200, () => privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, hex(digestInfo)));
