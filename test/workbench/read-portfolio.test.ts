import { describe, expect, it } from 'vitest';
import { CsvRowParser, parseCsvLine, parseRow } from '../../src/workbench/whatif/read-portfolio.js';

const HEADER = parseCsvLine(
  'id,origin,destination,cargo,units,count,date,weight,ownership,loaded,massTonnes,via',
);
const ROWS = [
  'a,MOSKVA,KIGASH,693000,40ft,2,2026-03-01,12,private,yes,22,',
  'b,MOSKVA,KIGASH,693000,40ft,2,2026-07-15,1.5,private,yes,22,',
  ',MOSKVA,KIGASH,693000,40ft,2,2026-07-16,,private,yes,22,',
  'c,MOSKVA,KIGASH,693000,40ft,2,2026-02-30,12,private,yes,22,',
  'd,MOSKVA,KIGASH,693000,40ft,2,2026-08-01,-3,private,yes,22,',
  'e,MOSKVA,KIGASH,693000,40ft,3,2026-08-01,2,private,yes,22,',
  'f,MOSKVA,KIGASH,693000,40 feet,3,2026-08-01,2,private,yes,22,',
  '"g,1",MOSKVA,TEHRAN,011005,wagon,5,2026-09-01,4,railway,no,,KIGASH AKYAYLA',
];

describe('CsvRowParser', () => {
  it('reads every row exactly as a full parse does, valid or not', () => {
    const parser = new CsvRowParser(HEADER);
    for (const [i, text] of ROWS.entries())
      expect(parser.parse(i + 2, text)).toEqual(parseRow(i + 2, text, HEADER));
  });

  it('refuses an impossible date or a negative weight on a row like one already read', () => {
    const parser = new CsvRowParser(HEADER);
    const rows = ROWS.map((text, i) => parser.parse(i + 2, text));
    expect(rows.map((r) => r.error === undefined)).toEqual([
      true,
      true,
      true,
      false,
      false,
      true,
      false,
      true,
    ]);
    expect(rows[2]?.item).toMatchObject({ id: undefined, date: '2026-07-16', weight: undefined, count: 2 });
    expect(rows[7]?.item).toMatchObject({
      id: 'g,1',
      units: 'wagon',
      loaded: false,
      via: ['KIGASH', 'AKYAYLA'],
    });
  });
});
