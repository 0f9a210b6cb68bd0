import type { RateRequest } from '../pricing/shipment.js';

/** One row of a portfolio: a typical shipment, as asked for, and how many of it a year (its weight). */
export interface PortfolioShipment {
  /** Where the row stands in its source (file line, or position in a request body counted from 1). */
  readonly line: number;
  readonly id: string;
  readonly request: RateRequest;
  /** The cargo code and the units as the row wrote them ("40ft-reefer", "wagon"). */
  readonly cargo: string;
  readonly units: string;
  /** How many such shipments (e.g. a year); revenue figures are multiplied by it. A decimal string. */
  readonly weight: string;
}
