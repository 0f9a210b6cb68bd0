import { z } from 'zod';

/**
 * Bounds every request field is held to, so that no request can ask for unbounded work or memory, and values that
 * pass validation are values the service can compute with. One place, so that a limit reads the same everywhere.
 */

/** Dates a request may name: anything outside is an absurd date, not a tariff question. */
export const EARLIEST_DATE = '1990-01-01';
export const LATEST_DATE = '2100-12-31';

/**
 * A calendar date within EARLIEST_DATE..LATEST_DATE. Inside the range, a date beyond the last rule version is priced
 * by the versions in force then, as the rule files say; outside it the request is refused.
 */
export function boundedDate(what: string) {
  return z.iso.date().refine((d) => d >= EARLIEST_DATE && d <= LATEST_DATE, {
    message: `${what} must lie between ${EARLIEST_DATE} and ${LATEST_DATE}`,
  });
}

/** Identifiers echoed back or looked up: visible ASCII only (no NUL, no control characters, no spaces). */
export const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/** A non-negative decimal written as a string, with at most `integer` digits before the point and `fraction` after. */
export function decimalString(integer: number, fraction: number, example: string) {
  return z
    .string()
    .max(integer + fraction + 1)
    .regex(
      new RegExp(`^\\d{1,${integer}}(\\.\\d{1,${fraction}})?$`),
      `expected a non-negative decimal string of at most ${integer} digits and ${fraction} decimals, e.g. "${example}"`,
    );
}

/** What-if drafts: files, their size, the override map's keys and values. */
export const MAX_DRAFT_FILES = 50;
export const MAX_DRAFT_FILE_CHARS = 400_000;
export const MAX_OVERRIDE_KEYS = 5_000;
export const MAX_OVERRIDE_TARGET_CHARS = 400;
export const MAX_OVERRIDE_VALUE_CHARS = 200;
