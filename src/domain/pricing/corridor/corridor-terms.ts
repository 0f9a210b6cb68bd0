import { withinWindow } from '../../core/dates.js';
import { memoCache, memoised } from '../../core/memo.js';
import { cargoMatches } from '../../rule-set/cargo.js';
import type {
  CorridorAgreement,
  CoveredRoute,
  PriorityTerm,
  ThroughRate,
  ThroughRateAmount,
} from '../../rule-set/corridor-agreement.js';
import type { Leg, Route } from '../../rule-set/find-routes.js';
import type { Network } from '../../rule-set/network.js';
import type { Coefficient, ReductionPolicy } from '../../rule-set/tariff.js';
import { failedCondition, matches } from '../conditions/match-when.js';
import type { LegContext, Shipment } from '../shipment.js';

/** What the corridor agreements in force add to one railway's leg. */
export interface LegTerms {
  /** Reductions that compete with the railway's own reductions under `policy`. */
  readonly competing: readonly Coefficient[];
  /** Terms stacked by multiplication after the competition (increasing coefficients, `combine: multiply`). */
  readonly stacked: readonly Coefficient[];
  readonly policy: ReductionPolicy;
  readonly fixedRate?: { readonly term: PriorityTerm; readonly agreement: CorridorAgreement } | undefined;
}

export interface AppliedThroughRate {
  readonly agreement: CorridorAgreement;
  readonly rate: ThroughRate;
  readonly amount: ThroughRateAmount;
}

export interface RouteTerms {
  readonly legs: ReadonlyMap<string, LegTerms>;
  readonly throughRate?: AppliedThroughRate | undefined;
  readonly priority: readonly { readonly agreement: CorridorAgreement; readonly term: PriorityTerm }[];
  /** Why terms of agreements covering this route did not apply. */
  readonly notes: readonly string[];
  readonly agreements: readonly CorridorAgreement[];
}

export const NO_TERMS: RouteTerms = { legs: new Map(), priority: [], notes: [], agreements: [] };

export function legContext(leg: Leg, route: Route, shipment: Shipment): LegContext {
  return {
    shipment,
    direction: leg.direction,
    entersAt: leg.from,
    leavesAt: leg.to,
    km: leg.km,
    routeStations: route.borderStations,
  };
}

/** The terms of every corridor agreement that covers a route, as they apply to one shipment on its date. */
export function corridorTerms(
  agreements: readonly CorridorAgreement[],
  network: Network,
  route: Route,
  shipment: Shipment,
): RouteTerms {
  if (agreements.length === 0 || route.crossings.length === 0) return NO_TERMS;
  const legs = new Map<
    string,
    {
      competing: Coefficient[];
      stacked: Coefficient[];
      policy?: ReductionPolicy;
      fixedRate?: LegTerms['fixedRate'];
    }
  >();
  const notes: string[] = [];
  const applied: CorridorAgreement[] = [];
  const priority: RouteTerms['priority'][number][] = [];
  let throughRate: AppliedThroughRate | undefined;
  const legOf = (railway: string) => route.legs.find((l) => l.railway === railway);
  const forLeg = (railway: string) => {
    let entry = legs.get(railway);
    if (!entry) {
      entry = { competing: [], stacked: [] };
      legs.set(railway, entry);
    }
    return entry;
  };

  const coverage = coverageOf(agreements, network, route, shipment.date);
  notes.push(...coverage.notes);
  for (const { agreement, coveredIds } of coverage.inForce) {
    const label = `${agreement.name} (${agreement.file})`;
    applied.push(agreement);
    const onRoute = (routes: readonly string[] | undefined) =>
      routes === undefined || routes.some((id) => coveredIds.has(id));

    for (const rate of agreement.throughRates) {
      if (!onRoute(rate.routes) || throughRate) continue;
      const missing = rate.railways.filter((r) => !legOf(r));
      const span = missing.length === 0 ? spanContext(rate, route, shipment) : undefined;
      const reason = span ? failedCondition(rate.when, span) : `the route does not use ${missing.join(', ')}`;
      const amount =
        span && reason === undefined ? rate.amounts.find((a) => matches(a.when, span)) : undefined;
      if (reason !== undefined || !amount) {
        notes.push(
          `${label}, through rate ${rate.id}: not applied, ${reason ?? 'no rate for this unit (size, mass band)'}`,
        );
        continue;
      }
      throughRate = { agreement, rate, amount };
    }

    for (const discount of agreement.discounts) {
      const leg = legOf(discount.railway);
      if (!leg || !onRoute(discount.routes)) continue;
      const reason = failedCondition(discount.when, legContext(leg, route, shipment));
      if (reason !== undefined) {
        notes.push(`${label}, ${discount.description}: not applied, ${reason}`);
        continue;
      }
      const coefficient: Coefficient = {
        id: discount.id,
        description: `${discount.description} — ${agreement.name}`,
        when: {},
        factor: discount.factor,
        factorText: discount.factorText,
        appliesTo: [],
        reference: discount.reference,
        confidence: discount.confidence,
        rule: discount.rule,
      };
      const entry = forLeg(discount.railway);
      const policy = discount.combine ?? agreement.combine;
      if (discount.factor.gt(1) || policy.combine === 'multiply') entry.stacked.push(coefficient);
      else {
        entry.competing.push(coefficient);
        entry.policy ??= policy;
      }
    }

    for (const term of agreement.priority) {
      if (!onRoute(term.routes)) continue;
      if (!cargoMatches(shipment.cargo, term.cargo)) continue;
      const reason = firstFailure(
        term.railways.map((r) => [r, term.when] as const),
        route,
        shipment,
      );
      if (reason !== undefined) {
        notes.push(`${label}, priority ${term.name}: not applied, ${reason}`);
        continue;
      }
      priority.push({ agreement, term });
      for (const railway of term.railways) {
        if (!legOf(railway) || !term.rate) continue;
        const entry = forLeg(railway);
        if (term.rate.kind === 'fixed') entry.fixedRate = { term, agreement };
        else {
          const coefficient: Coefficient = {
            id: term.id,
            description: `Priority cargo: ${term.name} — ${agreement.name}`,
            when: {},
            factor: term.rate.factor,
            factorText: term.rate.factorText,
            appliesTo: [],
            reference: term.reference,
            confidence: term.confidence,
            rule: term.rule,
          };
          if (term.rate.factor.gt(1)) entry.stacked.push(coefficient);
          else {
            entry.competing.push(coefficient);
            entry.policy ??= agreement.combine;
          }
        }
      }
    }
  }

  const compiled = new Map<string, LegTerms>();
  for (const [railway, entry] of legs) {
    compiled.set(railway, {
      competing: entry.competing,
      stacked: entry.stacked,
      policy: entry.policy ?? { combine: 'largest' },
      fixedRate: entry.fixedRate,
    });
  }
  return { legs: compiled, throughRate, priority, notes, agreements: applied };
}

interface Coverage {
  readonly inForce: readonly {
    readonly agreement: CorridorAgreement;
    readonly coveredIds: ReadonlySet<string>;
  }[];
  readonly notes: readonly string[];
}

const coverageCache = memoCache<Route['crossings'], Coverage>();

/**
 * Which agreements cover a route and are in force on a date — independent of the shipment and of the distances (a
 * distance the shipper declares makes a copy of the route with the same crossings), so memoised per route's
 * crossings (they belong to one immutable rule set) and date.
 */
function coverageOf(
  agreements: readonly CorridorAgreement[],
  network: Network,
  route: Route,
  date: string,
): Coverage {
  return memoised(coverageCache, route.crossings, date, () => {
    const inForce: Coverage['inForce'][number][] = [];
    const notes: string[] = [];
    for (const agreement of agreements) {
      const covered = agreement.routes.filter((r) => routeMatches(r, route, network));
      if (covered.length === 0) continue;
      if (withinWindow(date, agreement.effectiveFrom, agreement.effectiveTo)) {
        inForce.push({ agreement, coveredIds: new Set(covered.map((r) => r.id)) });
      } else {
        notes.push(
          `${agreement.name} (${agreement.file}): not in force on ${date} (valid ${agreement.effectiveFrom} to ${agreement.effectiveTo ?? 'further notice'})`,
        );
      }
    }
    return { inForce, notes };
  });
}

/** A covered route matches when its steps are found consecutively, in order, among the route's crossings. */
export function routeMatches(covered: CoveredRoute, route: Route, network: Network): boolean {
  const crossings = route.crossings;
  const steps = covered.steps;
  for (let start = 0; start + steps.length <= crossings.length; start++) {
    if (
      steps.every((step, i) => {
        const crossing = crossings[start + i];
        if (!crossing) return false;
        if (step.kind === 'crossings') return step.ids.includes(crossing.id);
        const countries = crossing.stations.map((code) => network.stations.get(code)?.country).sort();
        return [...step.countries].sort().join() === countries.join();
      })
    ) {
      return true;
    }
  }
  return false;
}

function firstFailure(
  checks: readonly (readonly [string, ThroughRate['when']])[],
  route: Route,
  shipment: Shipment,
): string | undefined {
  for (const [railway, when] of checks) {
    const leg = route.legs.find((l) => l.railway === railway);
    if (!leg) continue;
    const reason = failedCondition(when, legContext(leg, route, shipment));
    if (reason !== undefined) return `${railway} leg: ${reason}`;
  }
  return undefined;
}

/**
 * A through rate's conditions speak of the whole stretch it covers: the cargo enters it where it enters the first
 * covered railway and leaves it where it leaves the last one, over their summed distance.
 */
function spanContext(rate: ThroughRate, route: Route, shipment: Shipment): LegContext {
  const covered = route.legs.filter((l) => rate.railways.includes(l.railway));
  const first = covered[0] as Leg;
  const last = covered[covered.length - 1] as Leg;
  const entered = first.enteredBy !== undefined;
  const leaves = last.leftBy !== undefined;
  return {
    shipment,
    direction: entered && leaves ? 'transit' : entered ? 'import' : leaves ? 'export' : 'domestic',
    entersAt: first.from,
    leavesAt: last.to,
    km: covered.reduce((acc, l) => acc + l.km, 0),
    routeStations: route.borderStations,
  };
}
