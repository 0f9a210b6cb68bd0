import type { AlternativeRoute } from '../../rule-set/alternative-cards.js';
import type { RuleSet } from '../../rule-set/rule-set.js';

/**
 * Whether an alternative reaches the shipment's region as a shipper would use it. A sea or road leg bypasses the
 * countries a railway between its two ends would cross (the Caspian from Astrakhan to Amirabad bypasses Kazakhstan
 * and Turkmenistan); if the rail legs before or after it re-enter one of those countries, the alternative takes the
 * cargo round in a loop — Moscow → Almaty by sea to Iran and back by rail — and is not offered. Derived from the
 * network alone: the countries of the stations on the shortest rail route between the points.
 * Returns why not, or undefined when the alternative serves the shipment.
 */
export function regionMismatch(
  ruleSet: RuleSet,
  route: AlternativeRoute,
  origin: string,
  destination: string,
): string | undefined {
  const place = (code: string) => (code === 'origin' ? origin : code === 'destination' ? destination : code);
  const bypassed = new Set<string>();
  const main: string[] = [];
  for (const leg of route.legs) {
    if (leg.kind !== 'sea' && leg.kind !== 'road') continue;
    const from = place(leg.from);
    const to = place(leg.to);
    const ends = new Set([countryOf(ruleSet, from), countryOf(ruleSet, to)]);
    for (const country of railCountries(ruleSet, from, to)) if (!ends.has(country)) bypassed.add(country);
    main.push(`${from} → ${to}`);
  }
  if (bypassed.size === 0) return undefined;
  for (const leg of route.legs) {
    if (leg.kind !== 'rail') continue;
    const from = place(leg.from);
    const to = place(leg.to);
    if (from === to) continue;
    const reentered = railCountries(ruleSet, from, to).filter((c) => bypassed.has(c));
    if (reentered.length > 0) {
      return (
        `does not serve ${origin} → ${destination}: the ${main.join(', ')} leg bypasses ${[...bypassed].join(', ')}, ` +
        `but the rail leg ${from} → ${to} goes back through ${[...new Set(reentered)].join(', ')} — a loop no shipper would ` +
        'book; rail serves this shipment directly'
      );
    }
  }
  return undefined;
}

function countryOf(ruleSet: RuleSet, code: string): string | undefined {
  return ruleSet.network.stations.get(code)?.country;
}

/** The countries the shortest rail route between two stations passes through, in order; none when unconnected. */
function railCountries(ruleSet: RuleSet, from: string, to: string): string[] {
  if (from === to || !ruleSet.network.stations.has(from) || !ruleSet.network.stations.has(to)) return [];
  const routes = ruleSet.routes(from, to);
  if (routes.length === 0) return [];
  const shortest = routes.reduce((a, b) => (b.distanceKm < a.distanceKm ? b : a));
  const countries = shortest.stations.map((s) => countryOf(ruleSet, s)).filter((c) => c !== undefined);
  return [...new Set(countries)];
}
