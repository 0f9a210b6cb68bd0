/** How far a key is from a query: as a whole, and at its closest prefix (a misspelt start of a longer name). */
export interface EditDistances {
  readonly whole: number;
  readonly prefix: number;
}

const NONE: EditDistances = { whole: Number.POSITIVE_INFINITY, prefix: Number.POSITIVE_INFINITY };

/**
 * Levenshtein distances of `key` from `query` up to `max` (anything farther is Infinity), computed in the diagonal
 * band |i − j| ≤ max and abandoned as soon as a whole row exceeds `max`, so an unrelated key costs a few cells.
 * `rows` is scratch space of at least 2 × (key.length + 1) cells, reused between calls.
 */
export function boundedEditDistance(
  query: string,
  key: string,
  max: number,
  rows: Int32Array,
): EditDistances {
  const m = query.length;
  const n = key.length;
  if (n < m - max) return NONE;
  const far = max + 1;
  const width = n + 1;
  let previous = 0;
  let current = width;
  for (let j = 0; j <= n; j++) rows[j] = j <= max ? j : far;
  for (let i = 1; i <= m; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(n, i + max);
    rows[current] = i <= max ? i : far;
    if (from > 1) rows[current + from - 1] = far;
    let rowMin = rows[current] as number;
    const q = query.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const substitute = (rows[previous + j - 1] as number) + (q === key.charCodeAt(j - 1) ? 0 : 1);
      const remove = (rows[previous + j] as number) + 1;
      const insert = (rows[current + j - 1] as number) + 1;
      const cell = Math.min(substitute, remove, insert, far);
      rows[current + j] = cell;
      if (cell < rowMin) rowMin = cell;
    }
    if (to < n) rows[current + to + 1] = far;
    if (rowMin > max) return NONE;
    [previous, current] = [current, previous];
  }
  let prefix = far;
  for (let j = Math.max(0, m - max); j <= Math.min(n, m + max); j++)
    prefix = Math.min(prefix, rows[previous + j] as number);
  const whole = n - m <= max ? (rows[previous + n] as number) : far;
  return {
    whole: whole <= max ? whole : Number.POSITIVE_INFINITY,
    prefix: prefix <= max ? prefix : Number.POSITIVE_INFINITY,
  };
}
