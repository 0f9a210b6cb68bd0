import type { Station } from '../network.js';
import type { Confidence } from '../rule-ref.js';
import type { TariffDistances } from './tariff-distances.js';

/** The station catalogue and the ТР-4 distance function, compiled from rules/network/tr4/. */
export interface Tr4Network {
  /** Catalogue stations by ESR code (transit points that no station list names carry no railway and are left out). */
  readonly stations: ReadonlyMap<string, Station>;
  readonly distances: TariffDistances;
  /** The manifest file, and what a quote's distance line cites. */
  readonly file: string;
  readonly book1Reference: string;
  readonly book3Reference: string;
  readonly confidence: Confidence;
  /** Operation codes (ТР-4 Book 2's legend) that open a station to wagon loads and to large containers. */
  readonly wagonOperations: ReadonlySet<string>;
  readonly containerOperations: ReadonlySet<string>;
}
