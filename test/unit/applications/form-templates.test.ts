import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormTemplateError, loadFormTemplates, parseFormTemplate } from '../../../main/applications/form-templates';
import { demoContentDir } from '../../../main/applications/content-dir';

const formsDir = join(demoContentDir(), 'forms');
const load = (id: string): Record<string, unknown> => JSON.parse(readFileSync(join(formsDir, `${id}.json`), 'utf8')) as Record<string, unknown>;

function errorOf(fn: () => unknown): FormTemplateError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FormTemplateError) return e;
    throw e;
  }
  assert.fail('expected a FormTemplateError');
}

describe('form templates', () => {
  test('every template loads and validates; the six required forms and one more are there', () => {
    const reg = loadFormTemplates();
    const ids = [...reg.templates.keys()];
    for (const id of ['jumin-ido-todoke', 'inkan-toroku', 'kokuho-ido', 'jido-teate', 'shomeisho-kofu', 'sosaihi-shikyu']) {
      assert.ok(ids.includes(id), id);
    }
    for (const t of reg.templates.values()) {
      assert.ok(
        t.layout.elements.some((e) => e.kind === 'receipt'),
        `${t.id} has a receipt area`,
      );
      assert.ok(
        t.layout.elements.some((e) => e.kind === 'qr'),
        `${t.id} has a QR area`,
      );
      assert.ok(
        t.layout.elements.some((e) => e.kind === 'eraDate'),
        `${t.id} has an era date`,
      );
    }
  });
  test('個人番号 only on the forms that name a legal basis', () => {
    const reg = loadFormTemplates();
    const withNumber = [...reg.templates.values()]
      .filter((t) => t.fields.some((f) => f.source === 'card.myNumber'))
      .map((t) => t.id)
      .sort();
    assert.deepEqual(withNumber, ['jido-teate', 'jumin-ido-todoke', 'kokuho-ido']);
    for (const id of ['inkan-toroku', 'shomeisho-kofu', 'sosaihi-shikyu']) assert.equal(reg.templates.get(id)!.myNumberBasis, undefined);
  });
  test('a bad field source is named by file and key path', () => {
    const t = load('jumin-ido-todoke');
    (t.fields as Record<string, unknown>[])[3]!.source = 'card.favouriteColour';
    const e = errorOf(() => parseFormTemplate(t, 'jumin-ido-todoke.json'));
    assert.equal(e.file, 'jumin-ido-todoke.json');
    assert.equal(e.path, 'fields.3.source');
    assert.match(e.message, /^jumin-ido-todoke\.json: fields\.3\.source: /);
  });
  test('a My Number field without legal basis is refused', () => {
    const t = load('inkan-toroku');
    (t.fields as Record<string, unknown>[]).push({ id: 'myNumber', label: { ja: '個人番号', en: 'My Number' }, type: 'text', source: 'card.myNumber' });
    const e = errorOf(() => parseFormTemplate(t, 'inkan-toroku.json'));
    assert.equal(e.path, `fields.${(t.fields as unknown[]).length - 1}.source`);
  });
  test('a condition on a later or unknown field, a layout key typo, a bad regex are all named', () => {
    const t1 = load('jido-teate');
    const f1 = t1.fields as Record<string, unknown>[];
    f1[2]!.when = { eq: ['hasChild2', true] };
    assert.equal(errorOf(() => parseFormTemplate(t1, 'jido-teate.json')).path, 'fields.2.when');
    const t2 = load('jido-teate');
    (t2.layout as { elements: Record<string, unknown>[] }).elements[5]!.fieldd = 'x';
    assert.equal(errorOf(() => parseFormTemplate(t2, 'jido-teate.json')).path, 'layout.elements.5.fieldd');
    const t3 = load('jido-teate');
    (t3.fields as Record<string, unknown>[])[2]!.validation = { pattern: '(' };
    assert.equal(errorOf(() => parseFormTemplate(t3, 'jido-teate.json')).path, 'fields.2.validation.pattern');
    const t4 = load('jido-teate');
    (t4.layout as { elements: Record<string, unknown>[] }).elements[5]!.field = 'noSuchField';
    assert.equal(errorOf(() => parseFormTemplate(t4, 'jido-teate.json')).path, 'layout.elements.5.field');
  });
  test('the loader names a broken file in a folder, and templates that disagree on a shared field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-forms-'));
    try {
      for (const f of readdirSync(formsDir)) copyFileSync(join(formsDir, f), join(dir, f));
      writeFileSync(join(dir, 'shomeisho-kofu.json'), '{ not json');
      assert.equal(errorOf(() => loadFormTemplates(dir)).file, 'shomeisho-kofu.json');
      copyFileSync(join(formsDir, 'shomeisho-kofu.json'), join(dir, 'shomeisho-kofu.json'));
      const t = load('sosaihi-shikyu');
      const phone = (t.fields as Record<string, unknown>[]).findIndex((f) => f.id === 'phone');
      (t.fields as Record<string, unknown>[])[phone]!.type = 'text';
      writeFileSync(join(dir, 'sosaihi-shikyu.json'), JSON.stringify(t));
      const e = errorOf(() => loadFormTemplates(dir));
      assert.equal(e.file, 'sosaihi-shikyu.json');
      assert.equal(e.path, `fields.${phone}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
