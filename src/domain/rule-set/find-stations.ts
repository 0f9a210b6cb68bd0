import type { Network, Station } from './network.js';

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  қ: 'k',
  ғ: 'g',
  ү: 'u',
  ұ: 'u',
  ң: 'n',
  ө: 'o',
  һ: 'h',
  і: 'i',
  ә: 'a',
};

/**
 * Arabic-script letters written several ways in Persian text: Arabic yeh and alef maksura → Persian yeh, Arabic kaf
 * → Persian keheh, teh marbuta → heh, hamza-carrying alefs → alef, heh with yeh above → heh.
 */
const PERSIAN: Record<string, string> = {
  '\u064a': '\u06cc',
  '\u0649': '\u06cc',
  '\u0643': '\u06a9',
  '\u0629': '\u0647',
  '\u0623': '\u0627',
  '\u0625': '\u0627',
  '\u0622': '\u0627',
  '\u0671': '\u0627',
  '\u06c0': '\u0647',
};

/**
 * Lower-case Latin letters and digits, and Persian letters: "Дина Нурпеисова" and "Dina-Nurpeisova" both become
 * "dinanurpeisova"; "بندر عباس", "بندرعباس" and the same written with Arabic yeh or kaf, or with a zero-width
 * non-joiner, all become one key.
 */
export function normaliseName(text: string): string {
  const latin = [...text.toLowerCase()].map((ch) => CYRILLIC[ch] ?? PERSIAN[ch] ?? ch).join('');
  return latin
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '') // Arabic vowel marks, superscript alef, tatweel
    .replace(/[^a-z0-9\u0621-\u064a\u066e-\u06d3]/g, ''); // also drops spaces, ZWNJ (U+200C) and punctuation
}

function namesOf(station: Station): string[] {
  return [station.code, station.name, station.nameLocal ?? '', ...station.aliases]
    .map(normaliseName)
    .filter(Boolean);
}

/** Stations whose code, name, local name or alias matches the query, best first; typos within two letters count. */
export function searchStations(network: Network, query: string, limit = 20): Station[] {
  const q = normaliseName(query);
  if (!q) return [...network.stations.values()].slice(0, limit);
  const scored: { station: Station; score: number }[] = [];
  for (const station of network.stations.values()) {
    let best = 0;
    for (const name of namesOf(station)) {
      if (name === q) best = Math.max(best, 100);
      else if (name.startsWith(q)) best = Math.max(best, 80);
      else if (name.includes(q)) best = Math.max(best, 60);
      else if (q.length >= 4 && editDistance(name.slice(0, q.length + 1), q) <= 2) best = Math.max(best, 40);
    }
    if (best > 0) scored.push({ station, score: best });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.station.code.localeCompare(b.station.code))
    .slice(0, limit)
    .map((s) => s.station);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}
