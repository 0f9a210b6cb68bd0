import { withinWindow } from '../../core/dates.js';
import type { MemoKey } from '../../core/memo.js';
import { cargoMatches } from '../../rule-set/cargo.js';
import type { Range, When } from '../../rule-set/tariff.js';
import type { LegContext } from '../shipment.js';

const inRange = (value: number, range: Range) =>
  (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);

/** One condition a rule may state: whether it holds for a leg, and how to say it did not. */
interface Check<K extends keyof When> {
  readonly field: K;
  readonly holds: (condition: NonNullable<When[K]>, ctx: LegContext) => boolean;
  readonly reason: (condition: NonNullable<When[K]>, ctx: LegContext) => string;
  /** What of the leg the condition reads: legs alike in it are alike to the condition. */
  readonly reads: (ctx: LegContext) => MemoKey;
}

/**
 * Every condition a rule may state, in the order a failure is reported: one entry per key of When, so the compiler
 * refuses a condition without its check (and test/architecture/exhaustive.test.ts a rule-file key without one).
 */
const TABLE: { readonly [K in keyof When]-?: Omit<Check<K>, 'field'> } = {
  unitKind: {
    holds: (kind, { shipment }) => kind === shipment.unit.kind,
    reason: (kind) => `applies to ${kind}s only`,
    reads: ({ shipment }) => shipment.unit.kind,
  },
  sizes: {
    holds: (sizes, { shipment: { unit } }) => unit.size !== undefined && sizes.includes(unit.size),
    reason: (sizes) => `applies to ${sizes.join('/')} ft containers only`,
    reads: ({ shipment }) => shipment.unit.size,
  },
  containerTypes: {
    holds: (types, { shipment: { unit } }) =>
      unit.containerType !== undefined && types.includes(unit.containerType),
    reason: (types) => `applies to ${types.join('/')} containers only`,
    reads: ({ shipment }) => shipment.unit.containerType,
  },
  wagonTypes: {
    holds: (types, { shipment: { unit } }) => unit.wagonType !== undefined && types.includes(unit.wagonType),
    reason: (types) => `applies to ${types.join('/')} wagons only`,
    reads: ({ shipment }) => shipment.unit.wagonType,
  },
  loaded: {
    holds: (loaded, { shipment }) => loaded === shipment.unit.loaded,
    reason: (loaded) => `applies to ${loaded ? 'loaded' : 'empty'} units only`,
    reads: ({ shipment }) => shipment.unit.loaded,
  },
  ownership: {
    holds: (ownership, { shipment }) => ownership === shipment.unit.ownership,
    reason: (ownership) => `applies to ${ownership === 'private' ? 'private' : 'railway-owned'} units only`,
    reads: ({ shipment }) => shipment.unit.ownership,
  },
  shipmentTypes: {
    holds: (types, { shipment }) => types.includes(shipment.unit.shipmentType),
    reason: (types) => `applies to shipment types ${types.join(', ')} only`,
    reads: ({ shipment }) => shipment.unit.shipmentType,
  },
  tariffClasses: {
    holds: (classes, { shipment }) => classes.includes(shipment.cargo.tariffClass),
    reason: (classes, { shipment }) =>
      `applies to tariff class ${classes.join('/')} only (cargo is class ${shipment.cargo.tariffClass})`,
    reads: ({ shipment }) => shipment.cargo.tariffClass,
  },
  axles: {
    holds: (range, { shipment }) => inRange(shipment.unit.axles, range),
    reason: (_, { shipment }) => `axle count ${shipment.unit.axles} is outside the rule's range`,
    reads: ({ shipment }) => shipment.unit.axles,
  },
  grossMassTonnes: {
    holds: (range, { shipment }) => inRange(shipment.unit.grossMassTonnes, range),
    reason: (_, { shipment }) =>
      `gross mass ${shipment.unit.grossMassTonnes} t is outside the rule's mass band`,
    reads: ({ shipment }) => shipment.unit.grossMassTonnes,
  },
  cargo: {
    holds: (match, { shipment }) => cargoMatches(shipment.cargo, match),
    reason: (_, { shipment: { cargo } }) => `cargo ${cargo.etsng} (${cargo.name}) is not covered`,
    reads: ({ shipment }) => shipment.cargo,
  },
  cargoExcept: {
    holds: (match, { shipment }) => !cargoMatches(shipment.cargo, match),
    reason: (_, { shipment: { cargo } }) => `cargo ${cargo.etsng} (${cargo.name}) is excluded`,
    reads: ({ shipment }) => shipment.cargo,
  },
  entersAt: {
    holds: (stations, ctx) => stations.includes(ctx.entersAt),
    reason: (stations) => `cargo must enter at ${stations.join(' or ')}`,
    reads: (ctx) => ctx.entersAt,
  },
  leavesAt: {
    holds: (stations, ctx) => stations.includes(ctx.leavesAt),
    reason: (stations) => `cargo must leave at ${stations.join(' or ')}`,
    reads: (ctx) => ctx.leavesAt,
  },
  routeCrosses: {
    holds: (stations, ctx) => stations.every((s) => ctx.routeStations.has(s)),
    reason: (stations) => `route must cross at ${stations.join(' and ')}`,
    reads: (ctx) => ctx.routeStations,
  },
  directions: {
    holds: (directions, ctx) => directions.includes(ctx.direction),
    reason: (directions, ctx) =>
      `applies to ${directions.join('/')} traffic only (this leg is ${ctx.direction})`,
    reads: (ctx) => ctx.direction,
  },
  distanceKm: {
    holds: (range, ctx) => inRange(ctx.km, range),
    reason: (_, ctx) => `distance ${ctx.km} km is outside the rule's band`,
    reads: (ctx) => ctx.km,
  },
  dates: {
    holds: (window, { shipment }) => withinWindow(shipment.date, window.from, window.to),
    reason: (window, { shipment }) =>
      `valid ${window.from ?? '…'} to ${window.to ?? '…'} only (acceptance ${shipment.date})`,
    reads: ({ shipment }) => shipment.date,
  },
};

/** The names of the conditions the engine checks, in the order a failure is reported. */
export const CONDITION_FIELDS = Object.keys(TABLE) as (keyof When)[];

const CHECKS: readonly Check<keyof When>[] = CONDITION_FIELDS.map(
  (field) => ({ field, ...TABLE[field] }) as unknown as Check<keyof When>,
);

const stated = new WeakMap<When, readonly Check<keyof When>[]>();

/** The checks a rule states, found once per rule: most rules state two or three of the eighteen. */
function checksOf(when: When): readonly Check<keyof When>[] {
  let checks = stated.get(when);
  if (!checks) {
    const unknown = Object.keys(when).filter((key) => !(key in TABLE));
    if (unknown.length > 0) throw new Error(`no check for the rule condition(s) ${unknown.join(', ')}`);
    checks = CHECKS.filter((c) => when[c.field] !== undefined);
    stated.set(when, checks);
  }
  return checks;
}

/** The conditions stated by any of some rules, in the order of the table (what varies least first). */
export function conditionFields(whens: Iterable<When>): (keyof When)[] {
  const stated = new Set<keyof When>();
  for (const when of whens) for (const c of checksOf(when)) stated.add(c.field);
  return CONDITION_FIELDS.filter((field) => stated.has(field));
}

/** What of a leg the named conditions read, one part per condition: legs alike in these are alike to the rules. */
export function conditionValues(fields: readonly (keyof When)[], ctx: LegContext): MemoKey[] {
  return fields.map((field) => TABLE[field].reads(ctx));
}

/** Whether every condition of a rule holds for a leg. */
export function matches(when: When, ctx: LegContext): boolean {
  for (const c of checksOf(when)) if (!c.holds(when[c.field] as never, ctx)) return false;
  return true;
}

/**
 * Tests a rule's conditions against a leg. Returns undefined when every condition holds, otherwise the
 * first one that failed, worded for a shipper ("cargo is in an excluded group").
 */
export function failedCondition(when: When, ctx: LegContext): string | undefined {
  for (const c of checksOf(when)) {
    const condition = when[c.field] as never;
    if (!c.holds(condition, ctx)) return c.reason(condition, ctx);
  }
  return undefined;
}
