import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/domain/core/domain-error.js';
import { calculateRates } from '../../src/domain/pricing/calculate-rates.js';
import type { RateRequest } from '../../src/domain/pricing/shipment.js';
import type { Station } from '../../src/domain/rule-set/network.js';
import type { RuleSet } from '../../src/domain/rule-set/rule-set.js';
import { checkRuleFiles } from '../../src/rules/load-rule-set.js';
import type { RuleFileText } from '../../src/rules/read-rule-files.js';
import { diffRules } from '../../src/workbench/rule-diff/diff-rules.js';
import { bundledRuleSet } from '../helpers/app.js';
import { goldenCases } from '../helpers/golden-cases.js';
import { BUNDLED_RULES, ruleFilesIn, withFile } from '../helpers/rule-files.js';

let ruleSet: RuleSet;
beforeAll(async () => {
  ruleSet = await bundledRuleSet();
});

const km = (from: string, to: string) => {
  const a = ruleSet.network.resolve(from);
  const b = ruleSet.network.resolve(to);
  return a && b ? ruleSet.network.distanceKm(a.code, b.code) : undefined;
};

describe('tariff distances the ТР-4 way, from ESR codes alone', () => {
  // Issue #13's four (from the official calculator's runs behind the ТР-1 reference cases), and three more published
  // distances between stations of different roads.
  it.each([
    ['766502', '253601', 841, 'Теплая Гора → Шемордан'],
    ['766502', '761000', 244, 'Теплая Гора → Пермь I'],
    ['766502', '643105', 1367, 'Теплая Гора → Балашейка'],
    ['766502', '904300', 4688, 'Теплая Гора → Новая Чара'],
    ['021609', '612709', 2444, 'Возрождение → Гремячая'],
    ['771500', '648503', 699, 'Исеть → Набережные Челны'],
    ['023202', '528706', 3108, 'Элисенваара → Элиста'],
  ])('%s → %s is %i km (%s), the same both ways', (from, to, expected) => {
    expect(km(from, to)).toBe(expected);
    expect(km(to, from)).toBe(expected);
  });

  it('shows the transit points, the books and the sum on the distance line', () => {
    const line = ruleSet.network.distanceLine('766502', '253601');
    expect(line?.basis).toBe('tr4');
    expect(line?.via).toEqual(['767308', '254905']);
    expect(line?.formula).toBe(
      '766502 Теплая Гора → 767308 Чусовская 114 km (Book 1) + 767308 Чусовская → 254905 Агрыз 531 km (Book 3) + 254905 Агрыз → 253601 Шемордан 196 km (Book 1) = 841 km',
    );
    expect(line?.reference).toContain('Book 3');
  });

  it('takes the difference of the Book 1 distances for two stations of one section', () => {
    // Теплая Гора (Гороблагодатская 69, Чусовская 114) and Бисер (Гороблагодатская 84, Чусовская 99): 183 km both.
    const line = ruleSet.network.distanceLine('766502', '766606');
    expect(line?.km).toBe(15);
    expect(line?.formula).toContain('lie on one section');
  });

  it("keeps DOMAIN's sourced Moscow – border-point distances: ТР-4 gives the same figures", () => {
    const fromMoscow = Object.fromEntries(
      ['OZINKI', 'KIGASH', 'ILETSK-I', 'ORSK-NOVY-GOROD', 'KARTALY-I', 'PETUKHOVO', 'KULUNDA', 'LOKOT'].map(
        (code) => [code, ruleSet.network.distance('MOSKVA', code)],
      ),
    );
    expect(Object.fromEntries(Object.entries(fromMoscow).map(([k, d]) => [k, d?.km]))).toEqual({
      OZINKI: 1191,
      KIGASH: 1518,
      'ILETSK-I': 1556,
      'ORSK-NOVY-GOROD': 1826,
      'KARTALY-I': 2048,
      PETUKHOVO: 2302,
      KULUNDA: 3109,
      LOKOT: 3689,
    });
    for (const d of Object.values(fromMoscow)) expect(d?.basis).toBe('tr4');
  });

  it('never sums a distance through a border point', () => {
    // Perm II → Orsk (export) is not published in Book 3; summed through the Ukrainian border point Климов (эксп.)
    // it would come out 858 km.
    const line = ruleSet.network.distanceLine('761000', 'ORSK-NOVY-GOROD');
    const names = line?.via.map((esr) => ruleSet.network.tr4?.transitPointNames.get(esr) ?? '') ?? [];
    expect(names.slice(1, -1).filter((n) => n.includes('(эксп'))).toEqual([]);
    expect(line?.km).toBeGreaterThan(1000);
  });
});

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const container = (origin: string): RateRequest =>
  ({
    origin,
    destination: 'BANDAR-ABBAS',
    acceptanceDate: '2026-06-08',
    cargo: { etsng: '693000' },
    units: { kind: 'container', size: '40', loaded: true, ownership: 'private', count: 1 },
    currency: 'USD',
  }) as RateRequest;

const wagon = (origin: string): RateRequest =>
  ({
    origin,
    destination: 'BANDAR-ABBAS',
    acceptanceDate: '2026-06-08',
    cargo: { etsng: '232431' },
    units: {
      kind: 'wagon',
      wagonType: 'gondola',
      loaded: true,
      ownership: 'private',
      axles: 4,
      count: 1,
      shipmentType: 'single-wagon',
      loadCapacityTonnes: 70,
      grossMassTonnes: 69,
    },
    currency: 'USD',
  }) as RateRequest;

describe('a quote from any RZD freight station to Bandar Abbas', () => {
  it('prices 200 random stations open for wagons or containers, or says why not', () => {
    const tr4 = ruleSet.network.tr4;
    if (!tr4) throw new Error('the bundled rules have no ТР-4 tables');
    const open = [...tr4.stations.values()].filter(
      (s) =>
        s.railway === 'RZD' &&
        s.operations?.some((op) => tr4.wagonOperations.has(op) || tr4.containerOperations.has(op)),
    );
    expect(open.length).toBeGreaterThan(3000);
    const next = random(20261202);
    const drawn = Array.from({ length: 200 }, () => open[Math.floor(next() * open.length)] as Station);
    const outcomes = drawn.map((station) => {
      const boxes = station.operations?.some((op) => tr4.containerOperations.has(op)) ?? false;
      try {
        const result = calculateRates(ruleSet, boxes ? container(station.code) : wagon(station.code));
        return { station: station.code, priced: result.options.length > 0, reason: '' };
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return { station: station.code, priced: false, reason: error.message };
      }
    });
    const unpriced = outcomes.filter((o) => !o.priced);
    // Every station not priced says why, beyond "no route".
    for (const o of unpriced) expect(o.reason, o.station).toMatch(/: .+/);
    // The catalogue gives most freight stations a transit point: at least 95 % are priced.
    expect(outcomes.filter((o) => o.priced).length).toBeGreaterThanOrEqual(190);
  });

  it.each(['OZINKI', 'KIGASH', 'ILETSK-I', 'ORSK-NOVY-GOROD', 'KARTALY-I', 'PETUKHOVO', 'KULUNDA', 'LOKOT'])(
    'routes Теплая Гора → Bandar Abbas via %s',
    (border) => {
      const result = calculateRates(ruleSet, { ...container('766502'), via: [border] });
      expect(result.options[0]?.route.stations).toContain(border);
      expect(result.options[0]?.byRailway[0]?.distance.basis).toBe('tr4');
    },
  );

  it('accepts the ESR code of a corridor station and answers with its code', () => {
    const result = calculateRates(ruleSet, { ...container('000015'), via: ['618404'] });
    expect(result.options[0]?.route.stations.slice(0, 2)).toEqual(['MOSKVA', 'KIGASH']);
  });

  it('says why a Kazakh station of the list has no route', () => {
    expect(() => calculateRates(ruleSet, container('671707'))).toThrow(/KTZ tariff distances are known only/);
  });
});

describe('the ТР-1 reference cases from ESR codes alone', () => {
  // The golden ТР-1 scenarios declare the calculator's distances; here the same shipments name the calculator's
  // stations by ESR code instead, and the ТР-4 distance must give the same totals to the rouble.
  const stationAt: Record<number, string> = { 841: '253601', 244: '761000', 1367: '643105', 4688: '904300' };
  const cases = goldenCases<RateRequest & { declaredDistances: { distanceKm: number }[] }>('tr1-wagon-case-');

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const declared = c.request.declaredDistances[0]?.distanceKm ?? 0;
    const result = calculateRates(ruleSet, {
      ...c.request,
      origin: '766502',
      destination: stationAt[declared] ?? '',
      declaredDistances: undefined,
    });
    const option = result.options[0];
    expect(option?.byRailway[0]?.distance.km).toBe(declared);
    expect(`${option?.total.amount} ${option?.total.currency}`).toBe(c.expect.total);
  });
});

describe('rules check on the ТР-4 tables', () => {
  let files: RuleFileText[];
  beforeAll(() => {
    files = ruleFilesIn(BUNDLED_RULES);
  });
  const text = (path: string) => files.find((f) => f.path === path)?.text ?? '';
  const issuesWith = (path: string, edit: (text: string) => string) =>
    checkRuleFiles(withFile(files, path, edit(text(path)))).issues.map(
      (i) => `${i.file}:${i.line} ${i.message}`,
    );

  it('reports a Book 1 row naming a transit point that does not exist', () => {
    const issues = issuesWith('network/tr4/book1.csv', (t) =>
      t.replace('766502,767308,114', '766502,767309,114'),
    );
    expect(issues).toContainEqual(
      expect.stringMatching(/^network\/tr4\/book1\.csv:\d+ unknown transit point 767309$/),
    );
  });

  it('reports a Book 3 pair listed again, with another distance', () => {
    const issues = issuesWith('network/tr4/book3.csv', (t) => `${t}767308,254905,530\n`);
    expect(issues).toContainEqual(
      expect.stringMatching(/listed again with another distance \(531 km on line \d+\)/),
    );
  });

  it('reports a station marked book1 that has no transit point', () => {
    const issues = issuesWith('network/tr4/book1.csv', (t) =>
      t
        .split('\n')
        .filter((l) => !l.startsWith('766502,'))
        .join('\n'),
    );
    expect(issues).toContainEqual(
      expect.stringMatching(/stations\.csv:\d+ station 766502 has no transit point/),
    );
  });

  it('rules diff shows a changed Book 3 distance as a changed distance', () => {
    const path = 'network/tr4/book3.csv';
    const changed = withFile(files, path, text(path).replace('254905,767308,531', '254905,767308,530'));
    expect(diffRules(files, changed).entries?.map((e) => e.text)).toEqual([
      'ТР-4 Book 3 distance 254905 – 767308: km 531 → 530',
    ]);
  });
});
