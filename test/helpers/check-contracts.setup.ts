import { afterEach, expect } from 'vitest';
import { takeViolations } from './contract-check.js';

// Every HTTP response a test received must have matched its route's response schema (see contract-check.ts).
afterEach(() => {
  expect(takeViolations(), 'responses that break their route’s response schema').toEqual([]);
});
