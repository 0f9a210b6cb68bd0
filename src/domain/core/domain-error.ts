/** Every failure the domain reports, with a stable code; the HTTP layer alone maps codes to statuses. */
export type DomainErrorCode =
  | 'UNKNOWN_STATION'
  | 'UNKNOWN_CARGO'
  | 'UNKNOWN_RAILWAY'
  | 'NO_ROUTE'
  | 'NO_TARIFF_IN_FORCE'
  | 'UNIT_NOT_CARRIED'
  | 'UNKNOWN_WAGON_KIND'
  | 'IMPLAUSIBLE_SHIPMENT'
  | 'NO_EXCHANGE_RATE'
  | 'INVALID_REQUEST'
  | 'QUOTE_NOT_FOUND'
  | 'IDEMPOTENCY_CONFLICT'
  | 'INVALID_RULES'
  | 'ILLUSTRATIVE_FIGURES'
  | 'IMPLAUSIBLE_SHIPMENT'
  | 'WHATIF_UNAVAILABLE'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'KEY_NOT_FOUND'
  | 'WHATIF_BUSY'
  | 'WHATIF_TIMEOUT';

export interface DomainErrorDetails {
  readonly pointer?: string;
  readonly suggestions?: readonly string[];
  readonly [key: string]: unknown;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: DomainErrorDetails;

  constructor(code: DomainErrorCode, message: string, details: DomainErrorDetails = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
