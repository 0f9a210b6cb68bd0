import { memoCache, memoised } from '../core/memo.js';
import type { Confidence, RuleRef } from '../rule-set/tariff.js';
import type { DeliveryTimeRules } from '../rule-set/tariff-guide/wagon-tariff.js';

/** The legal delivery time (срок доставки) of one railway's leg, by its rules (RZD: Mintrans order No. 245). */
export interface NormativeDelivery {
  readonly days: number;
  readonly kmPerDay: number;
  readonly formula: string;
  readonly reference: string;
  readonly confidence: Confidence;
  readonly rule: RuleRef;
}

/** What of a shipment picks the norm's column. */
export interface DeliveryUnit {
  readonly kind: 'container' | 'wagon';
  readonly containerType?: string | undefined;
  readonly shipmentType: string;
}

/**
 * Order No. 245 (Rules for calculating delivery times by rail), point 2.2: a day for every whole or part of the daily
 * norm over the tariff distance, the norm read by the distance of the whole carriage and the kind of shipment, plus
 * the day(s) for initial and final operations. Undefined where no norm band covers the distance.
 */
export function normativeDelivery(
  rules: DeliveryTimeRules,
  km: number,
  u: DeliveryUnit,
): NormativeDelivery | undefined {
  const read: NormRead =
    u.kind === 'container'
      ? u.containerType === 'reefer'
        ? 'reeferContainer'
        : 'container'
      : u.shipmentType === 'block-train'
        ? 'block-train'
        : 'wagon';
  // The norm depends on the rules, the column read and the distance alone: worked out once for each.
  return memoised(norms, rules, [read, km], () => {
    const found = deliveryTime(rules, km, read);
    return found && Object.freeze(found);
  });
}

/** Which of the norm's columns a unit reads: a route train reads the column the rules name for it. */
type NormRead = 'container' | 'reeferContainer' | 'wagon' | 'block-train';

const norms = memoCache<DeliveryTimeRules, NormativeDelivery | undefined>();

function deliveryTime(rules: DeliveryTimeRules, km: number, read: NormRead): NormativeDelivery | undefined {
  const i = rules.norms.bands.findIndex((b) => km >= b.fromKm && (b.toKm === null || km <= b.toKm));
  const band = rules.norms.bands[i];
  if (!band) return undefined;
  const blockTrain = read === 'block-train';
  const column = blockTrain ? rules.blockTrain.uses : read;
  const kmPerDay = band[column];
  const running = Math.ceil(km / kmPerDay);
  const extra = rules.initialFinalDays.days;
  const span = `${band.fromKm}–${band.toKm ?? '…'} km`;
  const confidences = [rules.norms.confidence, rules.initialFinalDays.confidence];
  if (blockTrain) confidences.push(rules.blockTrain.confidence);
  const order = { sourced: 0, approximate: 1, illustrative: 2 } as const;
  const confidence = confidences.reduce((a, b) => (order[b] > order[a] ? b : a));
  return {
    days: running + extra,
    kmPerDay,
    formula: `⌈${km} km ÷ ${kmPerDay} km a day⌉ = ${running} + ${extra} for initial and final operations = ${running + extra} days (${column} norm, ${span}${blockTrain ? ', route train read as wagons' : ''})`,
    reference: `${rules.norms.reference}; ${rules.initialFinalDays.reference}${blockTrain ? `; ${rules.blockTrain.reference}` : ''}`,
    confidence,
    rule: { ...rules.norms.rule, path: rules.norms.bands[i]?.path ?? rules.norms.rule.path },
  };
}
