import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseName, searchStations } from '../../src/domain/rule-set/find-stations.js';
import type { RuleSet } from '../../src/domain/rule-set/rule-set.js';
import { bundledRuleSet } from '../helpers/app.js';

describe('station search in Persian script', () => {
  let ruleSet: RuleSet;
  beforeAll(async () => {
    ruleSet = await bundledRuleSet();
  });
  const codes = (q: string) => searchStations(ruleSet.network, q, 5).map((s) => s.code);

  it('finds an Iranian station by its Persian name, and no Russian one', () => {
    expect(codes('مشهد')).toEqual(['MASHHAD']);
    expect(codes('بندر عباس')[0]).toBe('BANDAR-ABBAS');
    expect(codes('تهران')).toEqual(['TEHRAN']);
  });

  it('matches whatever yeh, kaf or joiner the query is written with', () => {
    // Arabic yeh (U+064A) for Persian yeh, no space, or a zero-width non-joiner (U+200C) inside the name.
    expect(codes('اينچه برون')[0]).toBe('INCHEBURUN');
    expect(codes('بندرعباس')[0]).toBe('BANDAR-ABBAS');
    expect(codes('بندر\u200cامیرآباد')[0]).toBe('AMIRABAD');
    expect(normaliseName('ك')).toBe(normaliseName('ک'));
  });

  it('returns nothing, not the first stations of the list, for a Persian name it does not know', () => {
    expect(codes('اصفهان')).toEqual([]);
  });
});
