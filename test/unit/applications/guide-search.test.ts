import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultCatalog } from '../../../main/applications/catalog';
import { searchGuide } from '../../../main/applications/guide-search';
import { guideEventView, parseGuide, GuideDataError } from '../../../main/applications/guide-data';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoContentDir } from '../../../main/applications/content-dir';

const { index, guide, forms } = defaultCatalog();
const ids = (q: string) => searchGuide(index, q).map((h) => h.id);
const top = (q: string) => searchGuide(index, q)[0]?.id;

describe('guide search', () => {
  test('kanji titles', () => {
    assert.ok(ids('引っ越し').includes('move-within-city'));
    assert.equal(top('婚姻'), 'marriage');
    assert.equal(top('出生'), 'birth');
    assert.equal(top('子育て'), 'childcare');
  });
  test('hiragana-only readings find the kanji events and procedures', () => {
    const move = ids('ひっこし');
    for (const e of ['move-within-city', 'move-in', 'move-out']) assert.ok(move.includes(e), e);
    assert.equal(top('おくやみ'), 'death');
    const jido = searchGuide(index, 'じどうてあて');
    assert.ok(jido.some((h) => h.kind === 'procedure' && h.id === 'jido-teate-nintei'));
    assert.ok(jido.some((h) => h.id === 'childcare'));
    assert.ok(ids('こくほ').includes('insurance-pension'));
  });
  test('katakana, half-width katakana and full-width input are the same query', () => {
    assert.deepEqual(ids('ヒッコシ'), ids('ひっこし'));
    assert.deepEqual(ids('ﾋｯｺｼ'), ids('ひっこし'));
    assert.deepEqual(ids('ＭＯＶＥ'), ids('move'));
  });
  test('English and other UI languages', () => {
    assert.ok(
      ids('move')
        .slice(0, 3)
        .every((id) => id.startsWith('move')),
    );
    assert.equal(top('birth'), 'birth');
    assert.equal(top('Marriage'), 'marriage');
    assert.ok(ids('child allowance').includes('jido-teate-nintei'));
    assert.equal(top('이사')?.startsWith('move'), true);
    assert.equal(top('搬家')?.startsWith('move'), true);
  });
  test('a phrase that contains a keyword still finds it; events rank before their procedures', () => {
    assert.ok(ids('引っ越しの手続き').includes('move-within-city'));
    const hits = searchGuide(index, 'おくやみ');
    assert.equal(hits[0]!.kind, 'event');
  });
  test('procedure hits say which events they belong to', () => {
    const h = searchGuide(index, '印鑑登録').find((x) => x.id === 'inkan-toroku');
    assert.ok(h);
    assert.deepEqual([...h.eventIds].sort(), ['marriage', 'move-in']);
  });
  test('empty, nonsense and non-string queries give no hits and never throw', () => {
    assert.deepEqual(searchGuide(index, ''), []);
    assert.deepEqual(searchGuide(index, '   　'), []);
    assert.deepEqual(searchGuide(index, 'zzqxv'), []);
    assert.deepEqual(searchGuide(index, 42), []);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const r = searchGuide(index, s);
        assert.ok(Array.isArray(r) && r.length <= 20);
      }),
    );
  });
});

describe('guide data', () => {
  test('every event has at least one procedure, kiosk ones have forms and others an office', () => {
    for (const ev of guide.events) {
      const view = guideEventView(guide, ev.id)!;
      assert.ok(view.procedures.length > 0);
      for (const p of view.procedures) {
        if (p.kioskCanDo) assert.ok(p.formIds.length > 0);
        assert.ok(p.officeName.ja.length > 0);
      }
    }
    assert.equal(guideEventView(guide, 'nope'), null);
  });
  test('a broken guide file is named with the path of the bad key', () => {
    const dir = join(demoContentDir(), 'guide');
    const procs = JSON.parse(readFileSync(join(dir, 'procedures.json'), 'utf8')) as { procedures: Record<string, unknown>[] };
    const events = JSON.parse(readFileSync(join(dir, 'life-events.json'), 'utf8')) as { events: { procedures: Record<string, unknown>[] }[] };
    const formIds = new Set(forms.templates.keys());
    events.events[1]!.procedures[0]!.id = 'no-such-procedure';
    assert.throws(
      () => parseGuide(procs, events, formIds),
      (e: unknown) => e instanceof GuideDataError && e.file === 'life-events.json' && e.path === 'events.1.procedures.0.id',
    );
    const events2 = JSON.parse(readFileSync(join(dir, 'life-events.json'), 'utf8')) as unknown;
    procs.procedures[2]!.formIds = ['missing-form'];
    assert.throws(
      () => parseGuide(procs, events2, formIds),
      (e: unknown) => e instanceof GuideDataError && e.path === 'procedures.2.formIds.0',
    );
  });
});
