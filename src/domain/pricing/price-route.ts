import { normativeDelivery } from '../capacity/normative-delivery.js';
import { memoisedPerOwner } from '../core/memo.js';
import { type Amount, moneyOf, perCount, sum, ZERO } from '../core/money.js';
import type { CorridorAgreement } from '../rule-set/corridor-agreement.js';
import type { Crossing } from '../rule-set/network.js';
import type { RailwayVersion } from '../rule-set/tariff.js';
import { carriedForward, carriedForwardRates, type DatedFigure } from './caveats/carried-forward.js';
import { placeholderFigures, placeholderWarnings, weakestConfidence } from './caveats/option-confidence.js';
import type { Conversion } from './convert.js';
import { applyThroughRate, throughRateTotal } from './corridor/apply-through-rate.js';
import type { OptionInput, Priced } from './option-input.js';
import type { LegPrice } from './price-leg.js';
import { conversionLine } from './quote-lines.js';
import { railwayShare, roundDays } from './railway-share.js';
import type {
  CorridorSummary,
  QuoteLine,
  RailwayShare,
  RateOption,
  RuleVersionUsed,
  TransitCrossing,
} from './rate-option.js';

/** Assembles one priced route: per-railway shares, lines, an agreed through rate where one applies, transit. */
export function buildOption(input: OptionInput): RateOption {
  const { route, shipment, currency, terms } = input;
  const notes = [...terms.notes];
  const local = input.legs.map((leg) => localShare(leg, input));
  const localTotals = local.map((s) => s.total);
  const through = applyThroughRate(input, localTotals, notes);
  const priced = local.map(
    (share) => through?.priced.get(share.leg.leg.railway) ?? priceLocally(share, input),
  );

  const lines: QuoteLine[] = [];
  for (const p of priced) lines.push(...p.lines);
  const total = sum(priced.map((p) => p.total));
  const vat = sum(priced.map((p) => p.vat));
  const byRailway = priced.map((p) => p.share);
  const corridor = summarise(input, localTotals, total, through?.summary, lines);
  const crossings = route.crossings.map((c) => transitCrossing(c, input, notes));
  const speedOf = (leg: LegPrice) => leg.tariff.version.speedKmPerDay[shipment.unit.kind];
  const runningDays = input.legs.reduce((acc, l) => acc + l.leg.km / speedOf(l), 0);
  const hours = (pick: (c: TransitCrossing) => number) => crossings.reduce((acc, c) => acc + pick(c), 0);
  const commitments = terms.priority.flatMap((p) =>
    p.term.service?.maxTransitDays ? [p.term.service.maxTransitDays] : [],
  );
  return {
    id: route.id,
    route: {
      stations: [...route.stations],
      crossings: route.crossings.map((c) => c.id),
      railways: route.legs.map((l) => l.railway),
      distanceKm: route.distanceKm,
    },
    total: moneyOf(total, currency),
    totalWithVat: moneyOf(total.plus(vat), currency),
    byRailway,
    lines,
    transitDays: roundDays(runningDays + hours((c) => c.dwellHours) / 24),
    transitDaysRange: {
      low: roundDays(runningDays + hours((c) => c.lowHours) / 24),
      high: roundDays(runningDays + hours((c) => c.highHours) / 24),
    },
    transit: {
      legs: input.legs.map((l) => ({
        railway: l.leg.railway,
        distanceKm: l.leg.km,
        speedKmPerDay: speedOf(l),
        days: roundDays(l.leg.km / speedOf(l)),
        normativeDelivery: deliveryOf(l, shipment),
      })),
      crossings,
      commitmentDays: commitments.length > 0 ? Math.min(...commitments) : undefined,
    },
    corridor,
    confidence: weakestConfidence(lines.map((l) => l.confidence)),
    warnings: [
      ...placeholderWarnings(placeholderFigures(lines, byRailway, currency), currency),
      ...carriedForwardWarnings(input, byRailway),
    ],
    assumptions: [...shipment.assumptions],
    notes,
    ruleVersions: input.legs.map(versionUsed),
  };
}

/**
 * A crossing's dwell on the acceptance date: processing plus the queue's wait at its section's utilisation. A
 * priority term's committed border dwell caps it only where the agreement reserves capacity for priority trains;
 * without a reserve, priority trains queue with the rest and a note says so.
 */
function transitCrossing(crossing: Crossing, input: OptionInput, notes: string[]): TransitCrossing {
  const dwell = input.dwellOf(crossing);
  let { dwellHours, lowHours, highHours } = dwell;
  for (const { term } of input.terms.priority) {
    const committed = term.service?.borderDwellHours;
    if (committed === undefined || committed >= dwellHours) continue;
    if (term.service?.reservedCapacityShare === undefined) {
      notes.push(
        `${term.name}: the committed border dwell of ${committed} h at ${crossing.name} does not hold — the agreement reserves no capacity for priority trains, so they queue with the rest (${dwellHours} h)`,
      );
      continue;
    }
    dwellHours = committed;
    lowHours = Math.min(lowHours, committed);
    highHours = committed;
  }
  return {
    crossing: crossing.id,
    name: crossing.name,
    gaugeChange: crossing.gaugeChange,
    dwellHours,
    lowHours,
    highHours,
    processingHours: dwell.processingHours,
    waitHours: dwell.waitHours,
    section: dwell.load && {
      id: dwell.load.section,
      name: dwell.load.name,
      utilisation: Math.round(dwell.load.utilisation * 1000) / 1000,
      overCapacity: dwell.load.overCapacity,
    },
    formula: dwell.formula,
  };
}

/** The total of a route without its lines: what ranks routes before the best few are itemised. */
export function routeTotal(input: OptionInput): Amount {
  const totals = input.legs.map((leg) => localShare(leg, input).total);
  return throughRateTotal(input, totals) ?? sum(totals);
}

/** A leg's share in the requested currency on its local tariff: per unit, and for every unit. */
function localShare(leg: LegPrice, input: OptionInput): LocalShare {
  const conversion = input.conversionOf(leg);
  const unit = conversion.convert(leg.unitTotal);
  const once = leg.shipmentTotal.isZero() ? ZERO : conversion.convert(leg.shipmentTotal);
  return { leg, conversion, unit, total: perCount(unit, input.shipment.unit.count, once) };
}

interface LocalShare {
  readonly leg: LegPrice;
  readonly conversion: Conversion;
  readonly unit: Amount;
  readonly total: Amount;
}

/** A leg on its own railway's tariff, with its lines and the line converting it into the requested currency. */
function priceLocally({ leg, conversion, unit, total }: LocalShare, input: OptionInput): Priced {
  const { shipment, currency } = input;
  const count = shipment.unit.count;
  // A tariff guide charges a wagon shipment's waybill as a whole: its conversion is shown for the waybill.
  const perWaybill = leg.unitTotal.isZero() && !leg.shipmentTotal.isZero();
  const lines = [...leg.lines];
  const vatTotal = leg.vat ? conversion.convert(leg.vat.amount) : ZERO;
  const vat = leg.vat && {
    rate: leg.vat.rate,
    local: moneyOf(leg.vat.amount, leg.regime.currency),
    total: moneyOf(vatTotal, currency),
  };
  // A leg priced for its figures only (replaced by a through rate) has no lines, and needs no conversion line.
  if (conversion.info.method !== 'none' && leg.lines.length > 0) {
    lines.push(
      conversionLine(
        leg.leg.railway,
        conversion,
        perWaybill ? leg.shipmentTotal : leg.unitTotal,
        perWaybill ? total : unit,
        perWaybill ? 1 : count,
        total,
        currency,
        `${leg.leg.railway} share`,
      ),
    );
  }
  return {
    lines,
    total,
    vat: vatTotal,
    share: railwayShare(leg, shipment.unit.kind, {
      total: moneyOf(total, currency),
      local: moneyOf(leg.localTotal, leg.regime.currency),
      vat,
      conversion: conversion.info,
      confidence: weakestConfidence(lines.map((l) => l.confidence)),
      throughRate: undefined,
    }),
  };
}

function summarise(
  input: OptionInput,
  localTotals: readonly Amount[],
  total: Amount,
  throughRate: CorridorSummary['throughRate'],
  lines: readonly QuoteLine[],
): CorridorSummary | undefined {
  const { terms, currency } = input;
  const corridorRules = new Set(terms.agreements.map((a) => a.file));
  const touched = throughRate !== undefined || lines.some((l) => corridorRules.has(l.rule.file));
  if (!touched) return undefined;
  const local = input.localLegs
    ? sum(
        input.localLegs.map((leg, i) =>
          leg === input.legs[i] ? (localTotals[i] ?? ZERO) : localShare(leg, input).total,
        ),
      )
    : sum(localTotals);
  return {
    agreements: terms.agreements.map((a) => ({
      corridor: a.corridor,
      name: a.name,
      file: a.file,
      hash: a.hash,
    })),
    throughRate,
    priority: terms.priority.map((p) => ({ id: p.term.id, name: p.term.name })),
    localTariffTotal: moneyOf(local, currency),
    saving: moneyOf(local.minus(total), currency),
  };
}

/** The tariff versions, corridor agreements and exchange rates this option uses past their own dates. */
function carriedForwardWarnings(input: OptionInput, shares: readonly RailwayShare[]): string[] {
  const date = input.shipment.date;
  const versions = input.legs.map(({ tariff: { version } }) => datedVersion(version));
  const agreements = input.terms.agreements.map(datedAgreement);
  const rates = shares.flatMap((s) => carriedForwardRates(s.conversion, date));
  return [...new Set([...carriedForward([...versions, ...agreements], date), ...rates])];
}

const versionFigures = new WeakMap<RailwayVersion, DatedFigure>();

/** A tariff version as a dated figure (once per version: versions never change once loaded). */
function datedVersion(version: RailwayVersion): DatedFigure {
  return memoisedPerOwner(versionFigures, version, () => ({
    what: `${version.railway} tariff version ${version.effectiveFrom} (${version.file})`,
    from: version.effectiveFrom,
    to: version.effectiveTo,
  }));
}

const agreementFigures = new WeakMap<CorridorAgreement, DatedFigure>();

/** A corridor agreement as a dated figure (once per agreement). */
function datedAgreement(agreement: CorridorAgreement): DatedFigure {
  return memoisedPerOwner(agreementFigures, agreement, () => ({
    what: `corridor agreement ${agreement.name} (${agreement.file})`,
    from: agreement.effectiveFrom,
    to: agreement.effectiveTo,
  }));
}

function versionUsed(leg: LegPrice): RuleVersionUsed {
  const { version, amendments } = leg.tariff;
  return {
    railway: version.railway,
    version: version.effectiveFrom,
    file: version.file,
    hash: version.hash,
    amendments: amendments.map((a) => ({ id: a.id, file: a.file, hash: a.hash })),
  };
}

/** The leg's legal delivery time, where its regime's tariff guide carries the norms (not for transit). */
function deliveryOf(l: LegPrice, shipment: OptionInput['shipment']) {
  const rules = l.regime.tariffGuide?.deliveryTime;
  if (!rules || l.leg.direction === 'transit') return undefined;
  return normativeDelivery(rules, l.leg.km, shipment.unit);
}
