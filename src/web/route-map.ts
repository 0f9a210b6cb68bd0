import { geoConicConformal } from 'd3-geo';
import { esc } from '../workbench/report/svg-charts.js';
import type { Station } from './stations.js';

/** Country outlines cut to the corridor's region at build time (dist/web/countries.json). */
interface Outline {
  readonly id: string;
  readonly rings: readonly (readonly [number, number])[][];
}

export interface MapRoute {
  readonly id: string;
  readonly stations: readonly string[];
  /** "KIGASH--DINA-NURPEISOVA": the two stations either side of a border. */
  readonly crossings: readonly string[];
}

let outlines: Promise<Outline[]> | undefined;

function loadOutlines(): Promise<Outline[]> {
  outlines ??= fetch('/countries.json')
    .then((r) => (r.ok ? (r.json() as Promise<Outline[]>) : []))
    .catch(() => []);
  return outlines;
}

const LABELLED = new Set(['RU', 'KZ', 'TM', 'IR', 'UZ', 'AZ', 'AF', 'TR', 'IQ', 'SA', 'PK', 'GE', 'UA']);

/**
 * Each route's stations by their coordinates over the countries' outlines (a conformal conic projection fitted to
 * the stations), border crossings marked, the chosen route drawn on top and the others faint.
 */
export async function routeMapSvg(
  routes: readonly MapRoute[],
  chosen: string,
  located: ReadonlyMap<string, Station>,
  words: { map: string; borderCrossing: string; route: string },
): Promise<string> {
  const countries = await loadOutlines();
  const width = 720;
  const height = 440;
  const points = routes.flatMap((r) => r.stations.flatMap((c) => lonLat(located.get(c))));
  if (points.length === 0) return '';
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const pad = 1.5;
  const box = {
    type: 'MultiPoint' as const,
    coordinates: [
      [Math.min(...lons) - pad, Math.min(...lats) - pad],
      [Math.max(...lons) + pad, Math.max(...lats) + pad],
      [Math.min(...lons) - pad, Math.max(...lats) + pad],
      [Math.max(...lons) + pad, Math.min(...lats) - pad],
    ],
  };
  const middle = (Math.min(...lats) + Math.max(...lats)) / 2;
  const projection = geoConicConformal()
    .parallels([middle - 8, middle + 8])
    .rotate([-(Math.min(...lons) + Math.max(...lons)) / 2, 0])
    .fitExtent(
      [
        [20, 20],
        [width - 20, height - 20],
      ],
      box,
    );
  const xy = (p: readonly [number, number]): [number, number] => {
    const q = projection([p[0], p[1]]);
    return q ? [q[0], q[1]] : [0, 0];
  };
  const land = countries
    .map((c) => {
      const d = c.rings
        .map(
          (ring) =>
            `M${ring
              .map((p) =>
                xy(p)
                  .map((n) => n.toFixed(1))
                  .join(','),
              )
              .join('L')}Z`,
        )
        .join('');
      return `<path d="${d}" class="land land-${esc(c.id)}" fill-rule="evenodd"/>`;
    })
    .join('');
  const labels = countries
    .filter((c) => LABELLED.has(c.id))
    .map((c) => {
      const biggest = [...c.rings].sort((a, b) => b.length - a.length)[0] ?? [];
      const inView = biggest
        .map(xy)
        .filter(([x, y]) => x > 30 && x < width - 30 && y > 30 && y < height - 30);
      if (inView.length < 8) return '';
      const x = inView.reduce((s, p) => s + p[0], 0) / inView.length;
      const y = inView.reduce((s, p) => s + p[1], 0) / inView.length;
      return `<text x="${x.toFixed(0)}" y="${y.toFixed(0)}" class="country" text-anchor="middle">${esc(c.id)}</text>`;
    })
    .join('');
  const ordered = [...routes].sort((a, b) => Number(a.id === chosen) - Number(b.id === chosen));
  const lines = ordered
    .map((r) => {
      const at = r.stations.flatMap((c) => lonLat(located.get(c)).map(xy));
      const cls = r.id === chosen ? 'route chosen' : 'route other';
      return `<polyline class="${cls}" points="${at.map((p) => p.map((n) => n.toFixed(1)).join(',')).join(' ')}"><title>${esc(`${words.route}: ${r.stations.join(' → ')}`)}</title></polyline>`;
    })
    .join('');
  const chosenRoute = routes.find((r) => r.id === chosen);
  const crossingMarks = (chosenRoute?.crossings ?? [])
    .map((id) => {
      const ends = id.split('--').flatMap((c) => lonLat(located.get(c)).map(xy));
      if (ends.length === 0) return '';
      const x = ends.reduce((s, p) => s + p[0], 0) / ends.length;
      const y = ends.reduce((s, p) => s + p[1], 0) / ends.length;
      return `<rect class="crossing" x="${(x - 6).toFixed(1)}" y="${(y - 6).toFixed(1)}" width="12" height="12" transform="rotate(45 ${x.toFixed(1)} ${y.toFixed(1)})"><title>${esc(`${words.borderCrossing}: ${id.replace('--', ' – ')}`)}</title></rect>`;
    })
    .join('');
  const stationMarks = (chosenRoute?.stations ?? [])
    .map((code, i, all) => {
      const s = located.get(code);
      const p = lonLat(s).map(xy)[0];
      if (!p) return '';
      const end = i === 0 || i === all.length - 1;
      const name = s?.name ?? code;
      return (
        `<circle class="${end ? 'station end' : 'station'}" cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="${end ? 6 : 4}"><title>${esc(`${name} (${code})`)}</title></circle>` +
        (end || i % 2 === 0
          ? `<text class="station-label" x="${(p[0] + 9).toFixed(1)}" y="${(p[1] + 4).toFixed(1)}">${esc(shortName(name))}</text>`
          : '')
      );
    })
    .join('');
  const legend = `<g class="legend" transform="translate(20 ${height - 34})"><rect class="crossing" x="0" y="0" width="10" height="10" transform="rotate(45 5 5)"/><text x="18" y="10">${esc(words.borderCrossing)}</text></g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="route-map" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="map-title"><title id="map-title">${esc(`${words.map}: ${chosenRoute?.stations.join(' → ') ?? ''}`)}</title><rect class="sea" width="${width}" height="${height}"/>${land}${labels}${lines}${crossingMarks}${stationMarks}${legend}</svg>`;
}

function lonLat(s: Station | undefined): [number, number][] {
  return s && typeof s.lon === 'number' && typeof s.lat === 'number' ? [[s.lon, s.lat]] : [];
}

function shortName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '');
}
