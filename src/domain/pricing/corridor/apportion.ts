import { type Amount, amount, type Rounding, roundAmount, ZERO } from '../../core/money.js';
import type { Apportionment } from '../../rule-set/corridor-agreement.js';

export interface ApportionedShare {
  readonly railway: string;
  readonly km: number;
  readonly amount: Amount;
  /** How the share was found, for the quote line: "1 447 / 3 197 of the through rate". */
  readonly basis: string;
}

/**
 * Splits a through rate (per unit) between the railways it covers. Shares are rounded as the rate says and the
 * railway named `remainderTo` takes whatever rounding leaves, so the shares always add up exactly to the rate.
 * With `own-rate` each railway's share is its own corridor rate per km × its distance, and the rate is their sum.
 */
export function apportion(
  total: Amount,
  legs: readonly { readonly railway: string; readonly km: number }[],
  method: Apportionment,
  rounding: Rounding,
): ApportionedShare[] {
  if (method.method === 'own-rate') {
    return legs.map((l) => {
      const rate = method.perUnitKm.get(l.railway) ?? ZERO;
      return {
        railway: l.railway,
        km: l.km,
        amount: roundAmount(rate.times(l.km), rounding),
        basis: `${l.km} km × ${rate.toFixed()} per km`,
      };
    });
  }
  const totalKm = legs.reduce((acc, l) => acc + l.km, 0);
  const weight = (railway: string, km: number): { fraction: Amount; basis: string } =>
    method.method === 'shares'
      ? {
          fraction: method.shares.get(railway) ?? ZERO,
          basis: `agreed share ${(method.shares.get(railway) ?? ZERO).toFixed()}`,
        }
      : { fraction: totalKm === 0 ? ZERO : amount(km).dividedBy(totalKm), basis: `${km} / ${totalKm} km` };
  const others = legs.filter((l) => l.railway !== method.remainderTo);
  const shares: ApportionedShare[] = others.map((l) => {
    const { fraction, basis } = weight(l.railway, l.km);
    return { railway: l.railway, km: l.km, amount: roundAmount(total.times(fraction), rounding), basis };
  });
  const assigned = shares.reduce((acc, s) => acc.plus(s.amount), ZERO);
  const remainderLeg = legs.find((l) => l.railway === method.remainderTo);
  const { basis } = weight(method.remainderTo, remainderLeg?.km ?? 0);
  const remainder: ApportionedShare = {
    railway: method.remainderTo,
    km: remainderLeg?.km ?? 0,
    amount: total.minus(assigned),
    basis: `${basis}, takes the rounding remainder`,
  };
  return legs.map((l) =>
    l.railway === method.remainderTo
      ? remainder
      : (shares.find((s) => s.railway === l.railway) as ApportionedShare),
  );
}
