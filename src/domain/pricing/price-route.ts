import { type Amount, amount, perCount, sum, ZERO } from '../core/money.js';
import { moneyOf } from '../core/money-format.js';
import { applyThroughRate, throughRateTotal } from './corridor/apply-through-rate.js';
import type { OptionInput, Priced } from './option-input.js';
import type { LegPrice } from './price-leg.js';
import { conversionLine } from './quote-lines.js';
import type { CorridorSummary, QuoteLine, RateOption, RuleVersionUsed } from './rate-option.js';

/** Assembles one priced route: per-railway shares, lines, an agreed through rate where one applies, transit. */
export function buildOption(input: OptionInput): RateOption {
  const { route, shipment, currency, terms } = input;
  const notes = [...terms.notes];
  let priced = input.legs.map((leg) => priceLocally(leg, input));
  const localTotals = priced.map((p) => p.total);
  const through = applyThroughRate(input, priced, notes);
  if (through) priced = through.priced;

  const lines = priced.flatMap((p) => p.lines);
  const total = sum(priced.map((p) => p.total));
  const vat = sum(
    priced.map((p) => (p.share.vat && !p.share.throughRate ? amount(p.share.vat.total.amount) : ZERO)),
  );
  const corridor = summarise(input, localTotals, total, through?.summary, lines);
  const dwellCap = Math.min(
    ...terms.priority.map((p) => p.term.service?.borderDwellHours ?? Number.POSITIVE_INFINITY),
  );
  const crossings = route.crossings.map((c) => ({
    crossing: c.id,
    name: c.name,
    gaugeChange: c.gaugeChange,
    dwellHours: Math.min(c.dwellHours, dwellCap),
  }));
  const speedOf = (leg: LegPrice) => leg.tariff.version.speedKmPerDay[shipment.unit.kind];
  const runningDays = input.legs.reduce((acc, l) => acc + l.leg.km / speedOf(l), 0);
  const dwellHours = crossings.reduce((acc, c) => acc + c.dwellHours, 0);
  const commitments = terms.priority.flatMap((p) =>
    p.term.service?.maxTransitDays ? [p.term.service.maxTransitDays] : [],
  );
  return {
    id: route.stations.join('>'),
    route: {
      stations: [...route.stations],
      crossings: route.crossings.map((c) => c.id),
      railways: route.legs.map((l) => l.railway),
      distanceKm: route.distanceKm,
    },
    total: moneyOf(total, currency),
    totalWithVat: moneyOf(total.plus(vat), currency),
    byRailway: priced.map((p) => p.share),
    lines,
    transitDays: roundDays(runningDays + dwellHours / 24),
    transit: {
      legs: input.legs.map((l) => ({
        railway: l.leg.railway,
        distanceKm: l.leg.km,
        speedKmPerDay: speedOf(l),
        days: roundDays(l.leg.km / speedOf(l)),
      })),
      crossings,
      commitmentDays: commitments.length > 0 ? Math.min(...commitments) : undefined,
    },
    corridor,
    assumptions: [...shipment.assumptions],
    notes,
    ruleVersions: input.legs.map(versionUsed),
  };
}

/** The total of a route without its lines: what ranks routes before the best few are itemised. */
export function routeTotal(input: OptionInput): Amount {
  const totals = input.legs.map((leg) => localShare(leg, input).total);
  return throughRateTotal(input, totals) ?? sum(totals);
}

/** A leg's share in the requested currency on its local tariff: per unit, and for every unit. */
function localShare(leg: LegPrice, input: OptionInput) {
  const conversion = input.conversionOf(leg);
  const unit = conversion.convert(leg.unitTotal);
  const once = leg.shipmentTotal.isZero() ? ZERO : conversion.convert(leg.shipmentTotal);
  return { conversion, unit, total: perCount(unit, input.shipment.unit.count, once) };
}

export function priceLocally(leg: LegPrice, input: OptionInput): Priced {
  const { shipment, currency } = input;
  const count = shipment.unit.count;
  const { conversion, unit, total } = localShare(leg, input);
  // A tariff guide charges a wagon shipment's waybill as a whole: its conversion is shown for the waybill.
  const perWaybill = leg.unitTotal.isZero() && !leg.shipmentTotal.isZero();
  const lines = [...leg.lines];
  const vat = leg.vat && {
    rate: leg.vat.rate,
    local: moneyOf(leg.vat.amount, leg.regime.currency),
    total: moneyOf(conversion.convert(leg.vat.amount), currency),
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
    share: {
      railway: leg.leg.railway,
      from: leg.leg.from,
      to: leg.leg.to,
      distanceKm: leg.leg.km,
      direction: leg.leg.direction,
      regime: leg.regime.id,
      total: moneyOf(total, currency),
      local: moneyOf(leg.localTotal, leg.regime.currency),
      vat,
      conversion: conversion.info,
      transitDays: roundDays(leg.leg.km / leg.tariff.version.speedKmPerDay[shipment.unit.kind]),
    },
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
          leg === input.legs[i] ? (localTotals[i] ?? ZERO) : priceLocally(leg, input).total,
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

export function roundDays(days: number): number {
  return Math.round(days * 10) / 10;
}
