import type { IsoDate } from '../core/dates.js';
import { withinWindow } from '../core/dates.js';
import { DomainError } from '../core/domain-error.js';
import type { Alternatives } from './alternative-cards.js';
import type { CapacityRules } from './capacity.js';
import type { CargoCatalogue } from './cargo.js';
import type { CorridorAgreement } from './corridor-agreement.js';
import { findRoutes, type Route } from './find-routes.js';
import type { FxRules } from './fx.js';
import type { Network } from './network.js';
import type { Amendment, AmendmentChange, RailwayVersion, Regime, TariffInForce } from './tariff.js';
import type { WagonTariff } from './tariff-guide/wagon-tariff.js';

export interface RuleFile {
  readonly file: string;
  readonly hash: string;
}

export interface RuleSetParts {
  readonly files: readonly RuleFile[];
  readonly hash: string;
  readonly railways: ReadonlyMap<string, readonly RailwayVersion[]>;
  readonly amendments: ReadonlyMap<string, readonly Amendment[]>;
  readonly network: Network;
  readonly cargo: CargoCatalogue;
  /** Tariff guides by id (rules/tariff-guides/<id>/), e.g. TR-1: the RZD wagon chain. */
  readonly tariffGuides: ReadonlyMap<string, WagonTariff>;
  readonly fx: FxRules;
  readonly corridors: readonly CorridorAgreement[];
  readonly alternatives: Alternatives;
  readonly capacity: CapacityRules;
}

export interface RuleSet extends RuleSetParts {
  /** The version of a railway in force on a date, with that date's amendments applied. */
  tariff(railway: string, date: IsoDate): TariffInForce;
  /** Every railway's tariff in force on a date (railways with none in force are left out). */
  at(date: IsoDate): ReadonlyMap<string, TariffInForce>;
  /** Every route between two stations (memoised: the network does not change once loaded). */
  routes(origin: string, destination: string): readonly Route[];
}

export function versionInForce(
  versions: readonly RailwayVersion[],
  date: IsoDate,
): RailwayVersion | undefined {
  let found: RailwayVersion | undefined;
  for (const version of versions) {
    if (version.effectiveFrom > date) break;
    found = version;
  }
  return found && withinWindow(date, found.effectiveFrom, found.effectiveTo) ? found : undefined;
}

export function createRuleSet(parts: RuleSetParts): RuleSet {
  const compiled = new Map<string, TariffInForce>();

  const byDate = new Map<string, Map<IsoDate, TariffInForce>>();
  function tariff(railway: string, date: IsoDate): TariffInForce {
    let dates = byDate.get(railway);
    if (!dates) {
      dates = new Map();
      byDate.set(railway, dates);
    }
    const known = dates.get(date);
    if (known) return known;
    const found = tariffUncached(railway, date);
    if (dates.size >= 50_000) dates.clear();
    dates.set(date, found);
    return found;
  }

  function tariffUncached(railway: string, date: IsoDate): TariffInForce {
    const versions = parts.railways.get(railway);
    if (!versions) throw new DomainError('UNKNOWN_RAILWAY', `railway ${railway} has no tariff files`);
    const version = versionInForce(versions, date);
    if (!version) {
      const first = versions[0]?.effectiveFrom;
      throw new DomainError(
        'NO_TARIFF_IN_FORCE',
        `no ${railway} tariff is in force on ${date}` +
          (first && date < first ? ` (its first version takes effect on ${first})` : ''),
        { railway, date, pointer: '/acceptanceDate' },
      );
    }
    const amendments = (parts.amendments.get(railway) ?? []).filter((a) =>
      withinWindow(date, a.effectiveFrom, a.effectiveTo),
    );
    const key = [version.file, ...amendments.map((a) => a.file)].join('|');
    let result = compiled.get(key);
    if (!result) {
      result = Object.freeze({ version, amendments, regimes: applyAmendments(version.regimes, amendments) });
      compiled.set(key, result);
    }
    return result;
  }

  function at(date: IsoDate): ReadonlyMap<string, TariffInForce> {
    const inForce = new Map<string, TariffInForce>();
    for (const [railway, versions] of parts.railways) {
      if (versionInForce(versions, date)) inForce.set(railway, tariff(railway, date));
    }
    return inForce;
  }

  const routeCache = new Map<string, readonly Route[]>();
  function routes(origin: string, destination: string): readonly Route[] {
    const key = `${origin}>${destination}`;
    let found = routeCache.get(key);
    if (!found) {
      found = findRoutes(parts.network, origin, destination);
      routeCache.set(key, found);
    }
    return found;
  }

  return Object.freeze({ ...parts, tariff, at, routes });
}

function applyAmendments(regimes: readonly Regime[], amendments: readonly Amendment[]): readonly Regime[] {
  if (amendments.length === 0) return regimes;
  return regimes.map((regime) => {
    const changes = amendments.flatMap((a) => a.changes.filter((c) => c.regime === regime.id));
    return changes.reduce(applyChange, regime);
  });
}

function applyChange(regime: Regime, change: AmendmentChange): Regime {
  const removed = new Set(change.remove);
  return {
    ...regime,
    rates: overlay(regime.rates, change.addRates, removed),
    charges: overlay(regime.charges, change.addCharges, removed),
    coefficients: overlay(regime.coefficients, change.addCoefficients, removed),
  };
}

/** Items with an existing id replace it in place; new ids are appended; removed ids are dropped. */
function overlay<T extends { readonly id: string }>(
  items: readonly T[],
  added: readonly T[],
  removed: ReadonlySet<string>,
): readonly T[] {
  const byId = new Map(added.map((item) => [item.id, item]));
  const kept = items.filter((item) => !removed.has(item.id)).map((item) => byId.get(item.id) ?? item);
  const existing = new Set(items.map((item) => item.id));
  return [...kept, ...added.filter((item) => !existing.has(item.id))];
}
