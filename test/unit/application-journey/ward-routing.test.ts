import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FilledForm } from '../../../contract/applications';
import { wardIdSchema, wardInfo } from '../../../contract/ward-api';
import { routeToWard, wardOfAddress, wardOfPostalCode } from '../../../main/application-journey/ward-routing';

function form(values: FilledForm['values']): FilledForm {
  return { templateId: 't', procedureId: 'p', title: { ja: 't', en: 't' }, filledOn: '2026-11-28', values };
}

describe('ward routing', () => {
  test('every ward is found by name, with or without prefecture and city, in full-width or not', () => {
    for (const ward of wardIdSchema.options) {
      const name = wardInfo[ward].nameJa;
      assert.equal(wardOfAddress(`福岡県北九州市${name}１丁目２番３号`), ward);
      assert.equal(wardOfAddress(`北九州市${name}1-2-3`), ward);
      assert.equal(wardOfAddress(`${name}浅野`), ward);
    }
  });

  test('addresses outside the city, empty or not text name no ward', () => {
    for (const a of ['東京都千代田区千代田１番１号', '福岡県福岡市中央区天神１丁目', '', '北九州市', 42, null, undefined]) {
      assert.equal(wardOfAddress(a), null, String(a));
    }
  });

  test('postal codes of the city name their ward; others none', () => {
    assert.equal(wardOfPostalCode('802-0971'), 'kokuraminami');
    assert.equal(wardOfPostalCode('８００－０００１'), 'moji');
    assert.equal(wardOfPostalCode('100-0001'), null);
    assert.equal(wardOfPostalCode('abc'), null);
  });

  test('the new address decides, then the new postal code, then the current address, then the kiosk ward', () => {
    const current = '福岡県北九州市小倉北区魚町１丁目';
    assert.equal(routeToWard([form({ currentAddress: current, newAddress: '北九州市八幡西区黒崎１丁目' })], 'moji'), 'yahatanishi');
    assert.equal(routeToWard([form({ currentAddress: current, newAddress: '守恒本町２丁目', newPostal: '8020971' })], 'moji'), 'kokuraminami');
    assert.equal(routeToWard([form({ currentAddress: current, destinationAddress: '東京都千代田区' })], 'moji'), 'kokurakita');
    assert.equal(routeToWard([form({ phone: '093' })], 'tobata'), 'tobata');
    assert.equal(routeToWard([form({}), form({ currentAddress: '福岡県北九州市若松区本町' })], 'moji'), 'wakamatsu', 'any form may carry it');
  });
});
