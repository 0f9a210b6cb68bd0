import { DomainError } from '../../core/domain-error.js';
import type { CargoCatalogue } from '../../rule-set/cargo.js';
import type { RailwayVersion } from '../../rule-set/tariff.js';
import type { Shipment } from '../shipment.js';

/**
 * A loaded box heavier than its size's rated gross mass (ISO 668, in the cargo rules) cannot be carried: the request
 * is refused rather than priced.
 */
export function checkBoxMass(cargo: CargoCatalogue, shipment: Shipment): void {
  const { unit } = shipment;
  if (unit.kind !== 'container' || unit.size === undefined) return;
  const limit = cargo.containers.get(unit.size);
  if (!limit) return;
  const kg = unit.grossMassTonnes * 1000;
  if (kg <= limit.maxGrossKg) return;
  throw new DomainError(
    'IMPLAUSIBLE_SHIPMENT',
    `a ${unit.size} ft box of ${unit.grossMassTonnes} t gross exceeds the ${limit.maxGrossKg} kg rated gross mass of ` +
      `its size (${limit.reference}, ${limit.rule.file}): no railway carries it`,
    { pointer: '/units/grossMassTonnes', maxGrossKg: limit.maxGrossKg },
  );
}

/** A block (route) train of fewer wagons than the railway's minimum is refused, not priced below a single wagon. */
export function checkBlockTrain(version: RailwayVersion, shipment: Shipment): void {
  const { unit } = shipment;
  const min = version.blockTrain?.minWagons;
  if (unit.shipmentType !== 'block-train' || min === undefined || unit.count >= min) return;
  throw new DomainError(
    'IMPLAUSIBLE_SHIPMENT',
    `${version.railway} carries a block (route) train of at least ${min} wagons (${version.blockTrain?.reference}, ` +
      `${version.file}); ${unit.count} wagon(s) travel as a single-wagon or group shipment`,
    { pointer: '/units/count', railway: version.railway, minWagons: min },
  );
}
