import { normaliseName } from './normalise-name.js';

/** A Roman numeral standing as a word of its own ("Пермь II", "Perm II"), read as its digits: "Perm 2". */
const ROMAN = /(?<![\p{L}\p{N}])(iii|ii|iv|vi|v|i)(?![\p{L}\p{N}])/gu;
const ROMAN_VALUE: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4', v: '5', vi: '6' };

/** Turkmen and Azeri letters that stand for two Latin ones (normaliseName would only drop their marks). */
const DIGRAPH_LETTERS: Record<string, string> = { ş: 'sh', ç: 'ch', ž: 'zh', ğ: 'g' };

/**
 * Spellings of one Russian sound folded into one symbol, longest first. Upper-case letters are placeholders that no
 * normalised name contains: W щ (shch, sch), Z ж (zh), X х (kh, h, x), C ч (ch, tch), S ш (sh), T ц (ts, tz, c).
 */
const SOUNDS = /shch|sch|zh|kh|tch|ch|sh|ts|tz|[hxcwqyj]/g;
const SOUND: Record<string, string> = {
  shch: 'W',
  sch: 'W',
  zh: 'Z',
  kh: 'X',
  tch: 'C',
  ch: 'C',
  sh: 'S',
  ts: 'T',
  tz: 'T',
  h: 'X',
  x: 'X',
  c: 'T',
  w: 'v',
  q: 'k',
  // й, ы and the glide of я, ю, ё, е written i, y or j: one letter (ж written j is the other reading, below).
  y: 'i',
  j: 'i',
};

function fold(normalised: string): string {
  return (
    normalised
      .replace(SOUNDS, (sound) => SOUND[sound] ?? sound)
      // ё written yo, io or jo and е written ye, ie or je (also ъе, "ie" in the catalogue's Latin): the source writes е
      .replace(/i[oe]/g, 'e')
      // doubled letters, and the ii of -ий or -ый, count once (digits are left alone: they are codes)
      .replace(/([a-zA-Z])\1+/g, '$1')
  );
}

function prepare(text: string): string {
  const spelt = text.toLowerCase().replace(/[şçžğ]/g, (ch) => DIGRAPH_LETTERS[ch] ?? ch);
  return normaliseName(spelt.replace(ROMAN, (numeral) => ROMAN_VALUE[numeral] ?? numeral));
}

/**
 * The phonetic key a station name is indexed under: "Теплая Гора", "Тёплая Гора", "Teplaia Gora", "Teplaya Gora",
 * "Tyoplaya Gora" and "Tjoplaja Gora" all become "teplaiagora"; "Пермь I", "Perm I" and "Perm 1" become "perm1".
 */
export function searchKey(text: string): string {
  return fold(prepare(text));
}

/**
 * The keys a query is looked up by: its search key and, where it has a j, the key with j read as ж ("Jeleznaia"
 * for Железная), since j is written both for й and for ж.
 */
export function queryKeys(text: string): string[] {
  const normalised = prepare(text);
  const keys = [fold(normalised)];
  if (normalised.includes('j')) {
    const asZh = fold(normalised.replace(/j/g, 'zh'));
    if (asZh !== keys[0]) keys.push(asZh);
  }
  return keys.filter(Boolean);
}
