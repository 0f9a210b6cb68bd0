// Builds the browser pages into dist/web: the two entry scripts bundled and minified by esbuild, the HTML and CSS
// copied, the country outlines of the corridor's region cut out of world-atlas, the sample drafts and portfolio
// listed. Nothing is fetched at run time from anywhere but the service itself.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { feature } from 'topojson-client';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Russia, Kazakhstan, Turkmenistan, Iran and their neighbours (ISO 3166-1 numeric, as world-atlas keys them). */
const COUNTRIES = {
  643: 'RU',
  398: 'KZ',
  795: 'TM',
  364: 'IR',
  860: 'UZ',
  '031': 'AZ',
  '051': 'AM',
  268: 'GE',
  '004': 'AF',
  586: 'PK',
  368: 'IQ',
  792: 'TR',
  804: 'UA',
  112: 'BY',
  417: 'KG',
  762: 'TJ',
  156: 'CN',
  496: 'MN',
  512: 'OM',
  784: 'AE',
  682: 'SA',
  414: 'KW',
  634: 'QA',
  '048': 'BH',
  760: 'SY',
  400: 'JO',
  246: 'FI',
  233: 'EE',
  428: 'LV',
  440: 'LT',
  616: 'PL',
  498: 'MD',
  642: 'RO',
  100: 'BG',
  300: 'GR',
  196: 'CY',
  422: 'LB',
  376: 'IL',
  818: 'EG',
  578: 'NO',
  752: 'SE',
  356: 'IN',
};
/** The region drawn: longitude 18°–82° E, latitude 18°–70° N. */
const BOX = { west: 18, east: 82, south: 18, north: 70 };

export async function buildWeb(outDir = join(ROOT, 'dist/web')) {
  mkdirSync(join(outDir, 'samples'), { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'src/web/quote-desk.ts'), join(ROOT, 'src/web/workbench.ts')],
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  for (const file of readdirSync(join(ROOT, 'src/web/static')))
    copyFileSync(join(ROOT, 'src/web/static', file), join(outDir, file));
  writeFileSync(join(outDir, 'countries.json'), JSON.stringify(countryOutlines()));
  writeFileSync(join(outDir, 'samples/index.json'), JSON.stringify(samples(outDir)));
  compressAll(outDir);
  return outDir;
}

/** The countries' outlines clipped to BOX, coordinates to 0.01°: [{ id, rings: [[lon, lat], …][] }]. */
function countryOutlines() {
  const atlas = JSON.parse(readFileSync(join(ROOT, 'node_modules/world-atlas/countries-50m.json'), 'utf8'));
  const all = feature(atlas, atlas.objects.countries).features;
  return all
    .filter((f) => COUNTRIES[f.id] !== undefined || COUNTRIES[Number(f.id)] !== undefined)
    .map((f) => {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const rings = polygons
        .flat()
        .map((ring) => clipRing(ring).map(([x, y]) => [round(x), round(y)]))
        .filter((ring) => ring.length >= 4);
      return { id: COUNTRIES[f.id] ?? COUNTRIES[Number(f.id)], rings };
    })
    .filter((c) => c.rings.length > 0);
}

/** Sutherland–Hodgman against each side of BOX, in degrees (the box is small enough for a planar cut). */
function clipRing(ring) {
  const sides = [
    (p) => p[0] >= BOX.west,
    (p) => p[0] <= BOX.east,
    (p) => p[1] >= BOX.south,
    (p) => p[1] <= BOX.north,
  ];
  const cuts = [
    (a, b) => at(a, b, 0, BOX.west),
    (a, b) => at(a, b, 0, BOX.east),
    (a, b) => at(a, b, 1, BOX.south),
    (a, b) => at(a, b, 1, BOX.north),
  ];
  let points = ring;
  sides.forEach((inside, k) => {
    const out = [];
    points.forEach((p, i) => {
      const q = points[(i + 1) % points.length];
      if (inside(p)) {
        out.push(p);
        if (!inside(q)) out.push(cuts[k](p, q));
      } else if (inside(q)) out.push(cuts[k](p, q));
    });
    points = out;
  });
  return points;
}

function at(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  return axis === 0 ? [value, a[1] + t * (b[1] - a[1])] : [a[0] + t * (b[0] - a[0]), value];
}

function round(value) {
  return Math.round(value * 100) / 100;
}

/** The bundled drafts and portfolios, copied for the workbench's "sample" choice. */
function samples(outDir) {
  const listed = { drafts: [], portfolios: [] };
  const copy = (from, kind, name) => {
    const target = join(outDir, 'samples', kind, name, relative(join(ROOT, 'rules', kind, name), from));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(from, target);
  };
  for (const name of readdirSync(join(ROOT, 'rules/drafts'))) {
    const files = walk(join(ROOT, 'rules/drafts', name)).filter((f) => /\.ya?ml$/.test(f));
    for (const f of files) copy(f, 'drafts', name);
    listed.drafts.push({ name, files: files.map((f) => relative(join(ROOT, 'rules/drafts', name), f)) });
  }
  for (const name of readdirSync(join(ROOT, 'rules/portfolios'))) {
    mkdirSync(join(outDir, 'samples/portfolios'), { recursive: true });
    copyFileSync(join(ROOT, 'rules/portfolios', name), join(outDir, 'samples/portfolios', name));
    listed.portfolios.push({ name });
  }
  return listed;
}

/** A .gz and a .br beside every text file, for @fastify/static's preCompressed serving. */
function compressAll(outDir) {
  for (const file of walk(outDir).filter((f) => /\.(html|js|css|json|csv|yaml)$/.test(f))) {
    const bytes = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildWeb(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stdout.write(`web pages built in ${relative(process.cwd(), out) || '.'}\n`);
}
