import { z } from 'zod';
import { boundedDate, decimalString, VISIBLE_ASCII } from '../../contract/limits.js';
import { type ContainerSize, type ContainerType, OWNERSHIPS } from '../../domain/rule-set/tariff.js';
import type { PortfolioShipment } from '../../domain/whatif/portfolio.js';

export { itemFromCsv } from './portfolio-csv.js';

/**
 * One portfolio row (rules/portfolios/*.csv, JSON lines, or an item of POST /v1/whatif): a typical shipment and how
 * many of it there are. CSV cells are strings and are turned into these types first (see itemFromCsv).
 */
const StationCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]*$/, 'expected an upper-case station code such as MOSKVA')
  .max(64);

export const UNITS_PATTERN = /^(?:(20|30|40|45)ft(?:-(dry|tank|reefer))?|wagon)$/;

export const PortfolioItemSchema = z
  .strictObject({
    id: z
      .string()
      .max(100)
      .regex(VISIBLE_ASCII, 'visible ASCII characters only')
      .optional()
      .describe('your reference for the row; default its line or position'),
    origin: StationCode,
    destination: StationCode,
    cargo: z.string().regex(/^(\d{6}|\d{8})$/, 'an ETSNG code (6 digits) or a GNG code (8 digits)'),
    units: z
      .string()
      .regex(UNITS_PATTERN, 'expected 20ft, 30ft, 40ft or 45ft (optionally -tank or -reefer), or wagon')
      .describe('20ft, 30ft, 40ft, 45ft, 40ft-reefer, 20ft-tank…, or wagon'),
    count: z.number().int().min(1).max(10_000).default(1).describe('units in the shipment'),
    date: boundedDate('the acceptance date').describe('acceptance date YYYY-MM-DD, 1990-01-01 to 2100-12-31'),
    weight: z
      .union([decimalString(12, 6, '250'), z.number().nonnegative().max(1e12)])
      .optional()
      .describe('how many such shipments (e.g. a year); revenue is multiplied by it; default 1'),
    ownership: z.enum(OWNERSHIPS).optional().describe('default private'),
    loaded: z.boolean().optional().describe('default true'),
    massTonnes: z
      .number()
      .positive()
      .max(200)
      .optional()
      .describe('per unit; a default is assumed when absent'),
    axles: z.number().int().min(2).max(16).optional(),
    via: z.array(StationCode).max(6).optional().describe('border stations the route must cross'),
  })
  .meta({ id: 'PortfolioItem' });

export type PortfolioItem = z.infer<typeof PortfolioItemSchema>;

const SIZES: Readonly<Record<string, ContainerSize>> = { '20': '20', '30': '30', '40': '40', '45': '45' };
const TYPES: Readonly<Record<string, ContainerType>> = { dry: 'dry', tank: 'tank', reefer: 'reefer' };

/** The shipment a row asks for, priced in `currency`. */
export function shipmentOf(item: PortfolioItem, line: number, currency: string): PortfolioShipment {
  const match = UNITS_PATTERN.exec(item.units);
  const size = SIZES[match?.[1] ?? ''];
  const containerType = TYPES[match?.[2] ?? ''];
  return {
    line,
    id: item.id ?? String(line),
    cargo: item.cargo,
    units: item.units,
    weight: item.weight === undefined ? '1' : String(item.weight),
    request: {
      origin: item.origin,
      destination: item.destination,
      acceptanceDate: item.date,
      cargo: item.cargo.length === 8 ? { gng: item.cargo } : { etsng: item.cargo },
      units: {
        kind: size ? 'container' : 'wagon',
        size,
        containerType,
        ownership: item.ownership,
        loaded: item.loaded ?? true,
        count: item.count,
        grossMassTonnes: item.massTonnes,
        axles: item.axles,
      },
      currency,
      via: item.via,
    },
  };
}
