/**
 * Which keys share letter pairs with a query: an inverted index of the pairs of each key written with a start mark
 * ("^perm1" → ^p, pe, er, rm, m1). A key within k edits of a query (or of its start) keeps at least
 * (pairs of the query) − 2k of them, since one edit breaks at most two pairs; a key containing the query keeps all but
 * the first. Counting shared pairs finds the few keys worth an edit distance among thousands.
 */
export interface NameBigrams {
  readonly postings: ReadonlyMap<number, Int32Array>;
  readonly size: number;
}

const pairsOf = (key: string): number[] => {
  const marked = `^${key}`;
  const pairs: number[] = [];
  for (let i = 1; i < marked.length; i++) pairs.push(marked.charCodeAt(i - 1) * 65536 + marked.charCodeAt(i));
  return pairs;
};

export function buildNameBigrams(keys: readonly string[]): NameBigrams {
  const lists = new Map<number, number[]>();
  keys.forEach((key, id) => {
    for (const pair of new Set(pairsOf(key))) {
      const list = lists.get(pair);
      if (list) list.push(id);
      else lists.set(pair, [id]);
    }
  });
  return {
    postings: new Map([...lists].map(([pair, ids]) => [pair, Int32Array.from(ids)])),
    size: keys.length,
  };
}

/** The ids of keys sharing at least `minShared` of the query's letter pairs (counted with their repeats). */
export function keysSharingPairs(bigrams: NameBigrams, query: string, minShared: number): number[] {
  const counts = new Uint16Array(bigrams.size);
  const found: number[] = [];
  for (const pair of pairsOf(query)) {
    for (const id of bigrams.postings.get(pair) ?? []) {
      counts[id] = (counts[id] as number) + 1;
      if (counts[id] === minShared) found.push(id);
    }
  }
  return found;
}
