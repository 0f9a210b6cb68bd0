import { main } from '../src/cli/main.ts';

let out = '';
const io = {
  stdout: {
    write: (s: string) => {
      out += s;
      return true;
    },
  },
  stderr: process.stderr,
  env: process.env,
} as never;
const [to, date] = process.argv.slice(2);
await main(
  [
    'quote',
    '--from',
    'MOSKVA',
    '--to',
    to,
    '--cargo',
    '693000',
    '--container',
    '40',
    '--owner',
    'private',
    '--date',
    date,
    '--json',
    '--options',
    '5',
  ],
  io,
);
const r = JSON.parse(out);
for (const o of r.options)
  console.log(
    o.route.stations.join('>'),
    o.route.distanceKm,
    o.transitDays,
    JSON.stringify(o.transit.legs.map((l: any) => [l.railway, l.distanceKm, l.speedKmPerDay])),
    JSON.stringify(o.transit.crossings.map((c: any) => [c.crossing, c.dwellHours])),
  );
