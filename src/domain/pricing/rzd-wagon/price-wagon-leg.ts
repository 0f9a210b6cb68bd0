import { DomainError } from '../../core/domain-error.js';
import {
  type Amount,
  amount,
  formatFigure,
  roundAmount,
  sum,
  toDecimalString,
  ZERO,
} from '../../core/money.js';
import type { Leg } from '../../rule-set/find-routes.js';
import type { GuideShipment, WagonTariff } from '../../rule-set/tariff-guide/wagon-tariff.js';
import { addLine, type LineContext } from '../quote-lines.js';
import type { Shipment } from '../shipment.js';
import type { Factor } from './chain-recorder.js';
import { emptyLeg, emptySchemeFor } from './empty-leg.js';
import { loadedRun, type PricedPart, wagonComponent } from './loaded-run.js';
import { resolveSchemes } from './resolve-schemes.js';
import { addVat, type LegVat } from './vat.js';
import type { WagonLot, WagonOrder } from './wagon-order.js';

export interface WagonLegPrice {
  /** The waybill sum(s) before VAT, whole roubles (ТР-1 point 15.5). */
  readonly total: Amount;
  readonly vat?: LegVat | undefined;
}

const SHIPMENT: Record<string, GuideShipment> = {
  'single-wagon': 'single',
  group: 'group',
  'block-train': 'route-direct',
};

/** The shipment as the ТР-1 chain reads it, on one leg. */
export function wagonOrder(shipment: Shipment, leg: Leg, railwayFactors: readonly Factor[] = []): WagonOrder {
  const u = shipment.unit;
  const guideShipment = SHIPMENT[u.shipmentType];
  if (!guideShipment) {
    throw new DomainError(
      'INVALID_REQUEST',
      `a wagon shipment is single-wagon, group or block-train, not ${u.shipmentType}`,
      {
        pointer: '/units/shipmentType',
      },
    );
  }
  if (guideShipment === 'single' && u.count !== 1) {
    throw new DomainError('INVALID_REQUEST', `a single-wagon shipment has one wagon, not ${u.count}`, {
      pointer: '/units/shipmentType',
    });
  }
  if (guideShipment === 'group' && u.count < 2) {
    throw new DomainError('INVALID_REQUEST', 'a group shipment has two or more wagons', {
      pointer: '/units/count',
    });
  }
  return {
    kind: u.wagonType ?? 'gondola',
    ownership: u.ownership === 'private' ? 'own' : 'general',
    axles: u.axles,
    shipment: guideShipment,
    wagons: u.count,
    lots: u.lots,
    cargo: shipment.cargo,
    km: leg.km,
    kmDeclared: leg.declared === true,
    date: shipment.date,
    direction: leg.direction,
    loaded: u.loaded,
    emptyReturn: u.emptyReturn,
    railwayFactors,
  };
}

/**
 * One RZD leg of a wagon shipment under the tariff guide (ТР-1 points 16.1–16.10): every part of every wagon lot
 * itemised step by step, the waybill sum rounded (point 15.5), an own wagon's empty return on waybills of its own,
 * and VAT.
 */
export function priceWagonLeg(
  tariff: WagonTariff,
  shipment: Shipment,
  leg: Leg,
  out: LineContext,
  railwayFactors: readonly Factor[] = [],
): WagonLegPrice {
  const order = wagonOrder(shipment, leg, railwayFactors);
  const declared = order.kmDeclared ? ' — distance declared by the shipper' : '';
  const lotLabel = (lot: WagonLot, i: number) =>
    order.lots.length > 1
      ? `wagons ${i + 1} (${lot.count} × ${lot.loadCapacityTonnes} t capacity, ${lot.grossMassTonnes} t loaded): `
      : '';
  let loadedKopecks = ZERO;
  let emptyWaybills = ZERO;
  const write = (part: PricedPart, prefix: string, count: number) => {
    for (const step of part.steps) {
      const first = step === part.steps[0];
      addLine(
        out,
        step.kind,
        `${prefix}${part.part}: ${step.label}${first ? declared : ''}`,
        step.formula,
        step.delta,
        count,
        first && order.kmDeclared ? { ...step.inputs, distance: 'declared by the shipper' } : step.inputs,
        step.source,
      );
    }
  };
  if (!order.loaded) {
    const empty = emptyScheme(tariff, order);
    order.lots.forEach((lot, i) => {
      const part = emptyLeg(tariff, {
        part: 'empty run',
        scheme: empty.scheme,
        km: order.km,
        axles: order.axles,
        shipment: order.shipment,
        wagons: order.wagons,
        date: order.date,
      });
      write(part, lotLabel(lot, i), lot.count);
      loadedKopecks = loadedKopecks.plus(part.amount.times(lot.count));
    });
  } else {
    const { kind, schemes } = resolveSchemes(
      tariff,
      order.kind,
      order.ownership,
      order.cargo.etsng,
      order.axles,
    );
    order.lots.forEach((lot, i) => {
      const prefix = lotLabel(lot, i);
      const parts: PricedPart[] = [loadedRun(tariff, order, lot, kind, schemes.loaded)];
      const e = schemes.emptyRun;
      if (
        order.ownership === 'general' &&
        e &&
        (!e.cargo || e.cargo.etsngPositions.includes(order.cargo.etsng.slice(0, 3)))
      ) {
        const km = roundAmount(amount(order.km).times(e.distanceShare), tariff.emptyLegDistance).toNumber();
        parts.push(
          emptyLeg(tariff, {
            part: 'empty leg of a general-fleet wagon',
            scheme: e.scheme,
            km,
            axles: order.axles,
            shipment: order.shipment,
            wagons: order.wagons,
            date: order.date,
            distanceNote: `${e.distanceShare} × ${order.km} km = ${km} km (point 16.5.1)`,
          }),
        );
      }
      if (order.ownership === 'general' && schemes.wagonComponent)
        parts.push(wagonComponent(tariff, order, schemes.wagonComponent));
      for (const part of parts) {
        write(part, prefix, lot.count);
        loadedKopecks = loadedKopecks.plus(part.amount.times(lot.count));
      }
    });
  }
  const totalRounding = tariff.edition.rounding.total;
  const waybill = roundAmount(loadedKopecks, totalRounding);
  addLine(
    out,
    'rounding',
    `waybill sum to whole roubles (ТР-1 point 15.5)`,
    `${formatFigure(toDecimalString(loadedKopecks, 2))} RUB → ${formatFigure(toDecimalString(waybill, totalRounding.scale))} RUB`,
    waybill.minus(loadedKopecks),
    1,
    { wagons: order.wagons, scale: totalRounding.scale, mode: totalRounding.mode },
    totalRounding,
  );
  if (order.loaded && order.emptyReturn) {
    if (order.ownership !== 'own') {
      throw new DomainError(
        'INVALID_REQUEST',
        'the empty return is priced for private (own or leased) wagons only',
        {
          pointer: '/units/emptyReturn',
        },
      );
    }
    const empty = emptyScheme(tariff, order);
    const part = emptyLeg(tariff, {
      part: 'empty run',
      scheme: empty.scheme,
      km: order.km,
      axles: order.axles,
      shipment: 'single',
      wagons: 1,
      date: order.date,
    });
    write(part, 'empty return (a single-wagon waybill per wagon, same distance): ', order.wagons);
    const perWaybill = roundAmount(part.amount, totalRounding);
    addLine(
      out,
      'rounding',
      'empty return: each waybill sum to whole roubles (ТР-1 point 15.5)',
      `${formatFigure(toDecimalString(part.amount, 2))} RUB → ${formatFigure(toDecimalString(perWaybill, totalRounding.scale))} RUB per wagon`,
      perWaybill.minus(part.amount),
      order.wagons,
      { waybills: order.wagons },
      totalRounding,
    );
    emptyWaybills = perWaybill.times(order.wagons);
  }
  const total = sum([waybill, emptyWaybills]);
  return { total, vat: out.withLines ? addVat(tariff, order.date, order.direction, total, out) : undefined };
}

function emptyScheme(tariff: WagonTariff, order: WagonOrder) {
  if (order.ownership !== 'own') {
    throw new DomainError(
      'UNIT_NOT_CARRIED',
      'an empty wagon is priced on its own only when it is private (own or leased): a general-fleet wagon returns at the railway’s cost',
      { pointer: '/units/ownership' },
    );
  }
  const found = emptySchemeFor(tariff, order.kind);
  if (!found) {
    throw new DomainError(
      'UNIT_NOT_CARRIED',
      `ТР-1 Table 17 names no empty-run scheme for a ${order.kind} wagon`,
      {
        pointer: '/units/wagonType',
      },
    );
  }
  return found;
}
