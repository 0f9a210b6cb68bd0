import { getJson } from './api.js';
import type { Suggestion } from './combobox.js';

/** A station as GET /v1/stations returns it; fields read defensively (the catalogue grows: ESR codes, more names). */
export interface Station {
  readonly code: string;
  readonly name?: string;
  readonly nameLocal?: string;
  readonly railway?: string;
  readonly country?: string;
  readonly lat?: number;
  readonly lon?: number;
  readonly esr?: string;
  readonly kinds?: readonly string[];
}

const known = new Map<string, Station>();

export async function searchStations(query: string, limit = 8): Promise<Station[]> {
  const answer = await getJson<{ stations?: Station[] }>(
    `/v1/stations?q=${encodeURIComponent(query)}&limit=${limit}`,
  );
  const stations = Array.isArray(answer.stations) ? answer.stations : [];
  for (const s of stations) if (typeof s.code === 'string') known.set(s.code, s);
  return stations.filter((s) => typeof s.code === 'string');
}

export function stationLabel(s: Station, lang: string): string {
  const name = lang === 'ru' ? (s.nameLocal ?? s.name) : (s.name ?? s.nameLocal);
  return name ? `${name} (${s.code})` : s.code;
}

export function stationSuggestions(lang: () => string): (q: string) => Promise<Suggestion[]> {
  return async (q) =>
    (await searchStations(q)).map((s) => ({
      value: s.code,
      label: stationLabel(s, lang()),
      detail: [s.railway, s.esr ? `ESR ${s.esr}` : undefined].filter(Boolean).join(' · '),
    }));
}

/** The stations of a route with their coordinates, each looked up once (by code) and remembered. */
export async function locate(codes: readonly string[]): Promise<Map<string, Station>> {
  await Promise.all(
    codes
      .filter((c) => !known.has(c))
      .map(async (code) => {
        try {
          const found = await searchStations(code, 5);
          const exact = found.find((s) => s.code === code);
          if (exact) known.set(code, exact);
        } catch {
          // a station without coordinates is left off the map, not an error
        }
      }),
  );
  return new Map(codes.flatMap((c) => (known.has(c) ? [[c, known.get(c) as Station] as const] : [])));
}
