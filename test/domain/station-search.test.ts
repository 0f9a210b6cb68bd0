import { beforeAll, describe, expect, it } from 'vitest';
import { findStations, searchStations } from '../../src/domain/rule-set/find-stations.js';
import { buildNetwork, type Station } from '../../src/domain/rule-set/network.js';
import type { RuleSet } from '../../src/domain/rule-set/rule-set.js';
import { queryKeys, searchKey } from '../../src/domain/rule-set/station-search/search-key.js';
import { bundledRuleSet } from '../helpers/app.js';

/**
 * Real queries and the station a person typing them means, checked against rules/network/tr4/stations.csv and
 * rules/network/stations.yaml. Where one of our corridor stations stands for a catalogue point (CHELYABINSK is ESR
 * 800008 Челябинск-Главный, AKTOBE is 667909 Актобе), the catalogue point is that station and the answer is our
 * code, whether asked by name or by ESR code.
 */
const INTENDED: readonly (readonly [query: string, first: string, why: string])[] = [
  ['766502', '766502', 'ESR code'],
  ['253601', '253601', 'ESR code'],
  ['761000', '761000', 'ESR code'],
  ['643105', '643105', 'ESR code'],
  ['904300', '904300', 'ESR code'],
  ['667909', 'AKTOBE', 'ESR code of our Актобе'],
  ['800008', 'CHELYABINSK', 'ESR code of one of our stations (Челябинск-Главный)'],
  ['76650', '766502', 'ESR code without its check digit'],
  ['kigash', 'KIGASH', 'our code, lower case'],
  ['BANDAR-ABBAS', 'BANDAR-ABBAS', 'our code'],
  ['Теплая Гора', '766502', 'Russian name'],
  ['Тёплая Гора', '766502', 'Russian name with ё (the source writes е)'],
  ['Шемордан', '253601', 'Russian name'],
  ['Новая Чара', '904300', 'Russian name'],
  ['Пермь I', '761000', 'Russian name with a Roman numeral'],
  ['Челябинск-Главный', 'CHELYABINSK', 'the official name of the point our station stands for'],
  ['Teplaia Gora', '766502', 'the catalogue’s Latin name'],
  ['Teplaya Gora', '766502', 'я as ya'],
  ['Tyoplaya Gora', '766502', 'ё as yo'],
  ['Tjoplaja Gora', '766502', 'ё as jo, я as ja'],
  ['Perm 1', '761000', 'a digit for the Roman numeral'],
  ['Perm II', '761104', 'Latin name'],
  ['Novaya Chara', '904300', 'я as ya'],
  ['Balasheyka', '643105', 'й as y'],
  ['Balashejka', '643105', 'й as j'],
  ['Shemordan', '253601', 'Latin name'],
  ['Шимордан', '253601', 'misspelt: и for е'],
  ['Teplaja Gorra', '766502', 'misspelt: a doubled letter'],
  ['Ekaterenburg', 'YEKATERINBURG', 'misspelt: e for i'],
  ['Chelyabinks', 'CHELYABINSK', 'misspelt: letters swapped'],
  ['Chelyabinsk', 'CHELYABINSK', 'our station’s name; Челябинск-Южный and -Грузовой follow'],
  ['Актобе', 'AKTOBE', 'Kazakh station, Russian name'],
  ['Ақтөбе', 'AKTOBE', 'Kazakh spelling'],
  ['Kyzylorda', '671707', 'Kazakh Latin spelling of Кзыл-Орда'],
  ['Ust Kamenogorsk', '713702', 'Latin name, space for the hyphen'],
  ['Усть-Камен', '713702', 'start of a name'],
  [
    'Пермь',
    '761104',
    'start of a name: Пермь II, the city’s main station and a transit point, before Пермь I',
  ],
  ['بندر عباس', 'BANDAR-ABBAS', 'Persian name'],
];

describe('station search over the whole ТР-4 catalogue', () => {
  let ruleSet: RuleSet;
  beforeAll(async () => {
    ruleSet = await bundledRuleSet();
  });

  it('holds the whole catalogue', () => {
    expect(ruleSet.network.stations.size).toBeGreaterThan(14_000);
  });

  it.each(INTENDED)('finds %s first: %s (%s)', (query, first) => {
    expect(searchStations(ruleSet.network, query, 5)[0]?.code).toBe(first);
  });

  it('lists Актобе once: the catalogue point is our AKTOBE', () => {
    const codes = searchStations(ruleSet.network, 'Актобе', 20).map((s) => s.code);
    expect(codes[0]).toBe('AKTOBE');
    expect(codes).not.toContain('667909');
  });

  it('ranks an exact name before longer names it starts', () => {
    const codes = searchStations(ruleSet.network, 'Perm II', 3).map((s) => s.code);
    // Пермь II, then Пермь II (эксп.) and (перев.) found by their name without the remark
    expect(codes).toEqual(['761104', '761301', '761208']);
  });

  it('pages through every match: the pages join up to the whole list and total counts them all', () => {
    const all = findStations(ruleSet.network, { q: 'Пермь' });
    expect(all.total).toBe(all.stations.length);
    expect(all.total).toBeGreaterThan(4);
    const first = findStations(ruleSet.network, { q: 'Пермь', offset: 0, limit: 2 });
    const second = findStations(ruleSet.network, { q: 'Пермь', offset: 2, limit: 2 });
    expect(first.total).toBe(all.total);
    expect([...first.stations, ...second.stations]).toEqual(all.stations.slice(0, 4));
  });

  it('keeps to one railway when asked', () => {
    const page = findStations(ruleSet.network, { q: 'Актобе', railway: 'RZD' });
    expect(page.stations.every((s) => s.railway === 'RZD')).toBe(true);
    expect(page.stations.map((s) => s.code)).not.toContain('AKTOBE');
  });

  it('finds nothing for a query close to no name', () => {
    expect(findStations(ruleSet.network, { q: 'qqqqzzzzxxxx' })).toEqual({ stations: [], total: 0 });
  });
});

describe('search keys', () => {
  it('folds the common transliterations of one Russian name into one key', () => {
    const key = searchKey('Теплая Гора');
    for (const spelling of ['Тёплая Гора', 'Teplaia Gora', 'Teplaya Gora', 'Tyoplaya Gora', 'Tjoplaja Gora'])
      expect(searchKey(spelling), spelling).toBe(key);
  });

  it.each([
    ['Хабаровск', 'Habarovsk', 'Xabarovsk'],
    ['Щучье', 'Schuchie', 'Shchuchye'],
    ['Цна', 'Tsna', 'Cna'],
    ['Юрга', 'Iurga', 'Jurga'],
    ['Майна', 'Mayna', 'Majna'],
    ['Разъезд', 'Razieezd', 'Razyezd'],
  ])('reads %s as %s and %s', (name, ...spellings) => {
    for (const spelling of spellings) expect(searchKey(spelling), spelling).toBe(searchKey(name));
  });

  it('reads a Roman numeral standing alone as its digits, not inside a word', () => {
    expect(searchKey('Пермь II')).toBe(searchKey('Perm 2'));
    expect(searchKey('Иволга')).not.toContain('1');
  });

  it('also reads j as ж in a query', () => {
    expect(queryKeys('Jeleznaia')).toContain(searchKey('Железная'));
    expect(queryKeys('Teplaia')).toEqual([searchKey('Teplaia')]);
  });
});

const station = (code: string, fields: Partial<Station> = {}): [string, Station] => [
  code,
  {
    code,
    name: code,
    aliases: [],
    railway: 'RZD',
    country: 'RU',
    kinds: [],
    reference: 'test',
    confidence: 'illustrative',
    ...fields,
  },
];

describe('the order of matches', () => {
  const codes = (stations: [string, Station][], q: string) =>
    findStations(buildNetwork(new Map(stations), [], [], []), { q }).stations.map((s) => s.code);

  it('puts an exact code before an exact name, an exact name before an alias, then start, part and misspelling', () => {
    const network = [
      station('100001', { name: 'Orlovka Nizhniaia', esr: '100001', operations: ['3'] }),
      station('100002', { name: 'Malaia Orlovka', esr: '100002', operations: ['3'] }),
      station('100003', { name: 'Orlivka', esr: '100003', operations: ['3'] }),
      station('OUR', { name: 'Ours', aliases: ['Orlovka'] }),
      station('100004', { name: 'Orlovka', esr: '100004', operations: ['3'] }),
      station('ORLOVKA', { name: 'Elsewhere' }),
    ];
    expect(codes(network, 'orlovka')).toEqual(['ORLOVKA', '100004', 'OUR', '100001', '100002', '100003']);
  });

  it('breaks ties by freight, then our stations and transit points, then the shorter name, then the code', () => {
    const network = [
      station('200000', { name: 'Sosnovka 1', esr: '200000', operations: ['О'] }),
      station('200001', { name: 'Sosnovka Bolshaia', esr: '200001', operations: ['3'] }),
      station('200003', { name: 'Sosnovka 3', esr: '200003', operations: ['3'] }),
      station('200002', { name: 'Sosnovka 2', esr: '200002', operations: ['3'] }),
      station('SOSNOVKA-PORT', { name: 'Sosnovka Port Terminal' }),
    ];
    expect(codes(network, 'Sosnovka')).toEqual(['SOSNOVKA-PORT', '200002', '200003', '200001', '200000']);
  });
});
