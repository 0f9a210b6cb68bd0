import { cargoMatches } from './cargo.js';
import { withinWindow } from './dates.js';
import type { LegContext } from './shipment.js';
import type { Range, When } from './tariff.js';

const inRange = (value: number, range: Range) =>
  (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);

/**
 * Tests a rule's conditions against a leg. Returns undefined when every condition holds, otherwise the
 * first one that failed, worded for a shipper ("cargo is in an excluded group").
 */
export function failedCondition(when: When, ctx: LegContext): string | undefined {
  const { unit, cargo, date } = ctx.shipment;
  if (when.unitKind !== undefined && when.unitKind !== unit.kind) return `applies to ${when.unitKind}s only`;
  if (when.sizes && (unit.size === undefined || !when.sizes.includes(unit.size)))
    return `applies to ${when.sizes.join('/')} ft containers only`;
  if (
    when.containerTypes &&
    (unit.containerType === undefined || !when.containerTypes.includes(unit.containerType))
  )
    return `applies to ${when.containerTypes.join('/')} containers only`;
  if (when.wagonTypes && (unit.wagonType === undefined || !when.wagonTypes.includes(unit.wagonType)))
    return `applies to ${when.wagonTypes.join('/')} wagons only`;
  if (when.loaded !== undefined && when.loaded !== unit.loaded)
    return `applies to ${when.loaded ? 'loaded' : 'empty'} units only`;
  if (when.ownership !== undefined && when.ownership !== unit.ownership)
    return `applies to ${when.ownership === 'private' ? 'private' : 'railway-owned'} units only`;
  if (when.shipmentTypes && !when.shipmentTypes.includes(unit.shipmentType))
    return `applies to shipment types ${when.shipmentTypes.join(', ')} only`;
  if (when.tariffClasses && !when.tariffClasses.includes(cargo.tariffClass))
    return `applies to tariff class ${when.tariffClasses.join('/')} only (cargo is class ${cargo.tariffClass})`;
  if (when.axles && !inRange(unit.axles, when.axles))
    return `axle count ${unit.axles} is outside the rule's range`;
  if (when.grossMassTonnes && !inRange(unit.grossMassTonnes, when.grossMassTonnes))
    return `gross mass ${unit.grossMassTonnes} t is outside the rule's mass band`;
  if (when.cargo && !cargoMatches(cargo, when.cargo))
    return `cargo ${cargo.etsng} (${cargo.name}) is not covered`;
  if (when.cargoExcept && cargoMatches(cargo, when.cargoExcept))
    return `cargo ${cargo.etsng} (${cargo.name}) is excluded`;
  if (when.entersAt && !when.entersAt.includes(ctx.entersAt))
    return `cargo must enter at ${when.entersAt.join(' or ')}`;
  if (when.leavesAt && !when.leavesAt.includes(ctx.leavesAt))
    return `cargo must leave at ${when.leavesAt.join(' or ')}`;
  if (when.routeCrosses && !when.routeCrosses.every((s) => ctx.routeStations.has(s)))
    return `route must cross at ${when.routeCrosses.join(' and ')}`;
  if (when.directions && !when.directions.includes(ctx.direction))
    return `applies to ${when.directions.join('/')} traffic only (this leg is ${ctx.direction})`;
  if (when.distanceKm && !inRange(ctx.km, when.distanceKm))
    return `distance ${ctx.km} km is outside the rule's band`;
  if (when.dates && !withinWindow(date, when.dates.from, when.dates.to))
    return `valid ${when.dates.from ?? '…'} to ${when.dates.to ?? '…'} only (acceptance ${date})`;
  return undefined;
}
