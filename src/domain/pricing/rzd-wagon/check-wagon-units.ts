import { DomainError } from '../../core/domain-error.js';
import type { WagonTariff } from '../../rule-set/tariff-guide/wagon-tariff.js';
import type { Shipment } from '../shipment.js';
import { findWagonKind } from './resolve-schemes.js';

/**
 * Refuses, before any pricing, wagon figures that cannot be true: an unknown wagon kind, a mass far above the load
 * capacity (beyond what the tariff itself charges on actual mass), a mass or capacity beyond the axles' load, an
 * innovative model the guide does not list.
 */
export function checkWagonUnits(tariff: WagonTariff, shipment: Shipment, listed: boolean): void {
  const u = shipment.unit;
  if (u.kind !== 'wagon') return;
  findWagonKind(tariff, u.wagonType ?? 'gondola');
  const { overloadTonnes, maxTonnesPerAxle, reference } = tariff.edition.plausibility;
  const axleLimit = maxTonnesPerAxle * u.axles;
  const models = tariff.innovative.filter((r) => r.wagonKinds.includes(u.wagonType ?? 'gondola'));
  u.lots.forEach((lot, i) => {
    const at = (field: string) => (listed ? `/units/wagons/${i}/${field}` : `/units/${field}`);
    const refuse = (field: string, message: string) => {
      throw new DomainError('IMPLAUSIBLE_SHIPMENT', `${message} (${reference})`, { pointer: at(field) });
    };
    if (lot.loadCapacityTonnes > axleLimit) {
      refuse(
        'loadCapacityTonnes',
        `a ${u.axles}-axle wagon cannot have a load capacity of ${lot.loadCapacityTonnes} t (at most ${axleLimit} t)`,
      );
    }
    if (u.loaded && lot.grossMassTonnes > axleLimit) {
      refuse(
        'grossMassTonnes',
        `a ${u.axles}-axle wagon cannot carry ${lot.grossMassTonnes} t (at most ${axleLimit} t)`,
      );
    }
    if (u.loaded && lot.grossMassTonnes > lot.loadCapacityTonnes + overloadTonnes) {
      refuse(
        'grossMassTonnes',
        `${lot.grossMassTonnes} t loaded in a wagon of ${lot.loadCapacityTonnes} t load capacity is more than ${overloadTonnes} t over it`,
      );
    }
    const model = lot.innovative;
    if (typeof model === 'string' && !models.some((r) => r.models?.includes(model))) {
      refuse(
        'innovative',
        `${model} is not an innovative ${u.wagonType ?? 'gondola'} model of ТР-1 (${models.flatMap((r) => r.models ?? []).join(', ') || 'none listed'})`,
      );
    }
    if (model === true && !models.some((r) => r.models !== undefined)) {
      refuse('innovative', `ТР-1 lists no innovative ${u.wagonType ?? 'gondola'} models`);
    }
  });
}
