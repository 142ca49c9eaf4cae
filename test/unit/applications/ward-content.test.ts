/**
 * The ward's content comes from the folder `contentDir` names: a ward's own copy is what the
 * kiosk reads (not the demo's), and a broken one is refused at load, naming the file.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { demoContentDir } from '../../../main/applications/content-dir';
import { lookupPostal, PostalDataError } from '../../../main/applications/postal-lookup';
import { loadWardContent } from '../../../main/applications/ward-content';
import { ConfigError } from '../../../main/config/load-config';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the demo content, changed by `edit`. */
function wardCopy(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-content-'));
  dirs.push(dir);
  cpSync(demoContentDir(), dir, { recursive: true });
  edit(dir);
  return dir;
}

function editPostal(dir: string, change: (data: { rows: unknown[][] }) => void): void {
  const file = join(dir, 'postal', 'postal-codes.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { rows: unknown[][] };
  change(data);
  writeFileSync(file, JSON.stringify(data));
}

describe('ward content (contentDir)', () => {
  test('the demo content loads: forms, guide, postal codes and the seal image', () => {
    const content = loadWardContent(demoContentDir());
    assert.ok(content.catalog.forms.templates.has('jumin-ido-todoke'));
    assert.ok(content.catalog.guide.events.length > 0);
    assert.equal(content.postal.lookup('802-0001').ok, true);
    assert.equal(content.sealImageFile, join(demoContentDir(), 'documents', 'city-seal.png'));
  });

  test("a ward's own folder is what is read: its postal codes and its guide, not the demo's", () => {
    const dir = wardCopy((d) => {
      editPostal(d, (data) => data.rows.push(['9990001', '40106', '試験町']));
      const file = join(d, 'guide', 'life-events.json');
      const events = JSON.parse(readFileSync(file, 'utf8')) as { events: { title: { ja: string } }[] };
      events.events[0]!.title.ja = '区の独自の見出し';
      writeFileSync(file, JSON.stringify(events));
    });
    const content = loadWardContent(dir);
    const found = content.postal.lookup('999-0001');
    assert.ok(found.ok);
    assert.equal(found.candidates[0]!.town, '試験町');
    assert.equal(lookupPostal('999-0001').ok, false, 'the demo content does not have it');
    assert.equal(content.catalog.guide.events[0]!.title.ja, '区の独自の見出し');
    assert.equal(content.sealImageFile, join(dir, 'documents', 'city-seal.png'));
  });

  test('a folder without the seal image is refused, naming the file', () => {
    const dir = wardCopy((d) => rmSync(join(d, 'documents', 'city-seal.png')));
    assert.throws(
      () => loadWardContent(dir),
      (err: unknown) => err instanceof ConfigError && err.message.includes(join(dir, 'documents', 'city-seal.png')),
    );
  });

  test('broken postal data is refused, naming the file and the bad key', () => {
    const dir = wardCopy((d) => editPostal(d, (data) => data.rows.splice(1, 0, ['80200', '40106', '短い'])));
    assert.throws(
      () => loadWardContent(dir),
      (err: unknown) => err instanceof PostalDataError && err.file === join(dir, 'postal', 'postal-codes.json') && err.detail.startsWith('rows.1.0:'),
    );
  });
});
