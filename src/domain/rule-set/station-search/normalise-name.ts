const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  қ: 'k',
  ғ: 'g',
  ү: 'u',
  ұ: 'u',
  ң: 'n',
  ө: 'o',
  һ: 'h',
  і: 'i',
  ә: 'a',
};

/**
 * Arabic-script letters written several ways in Persian text: Arabic yeh and alef maksura → Persian yeh, Arabic kaf
 * → Persian keheh, teh marbuta → heh, hamza-carrying alefs → alef, heh with yeh above → heh.
 */
const PERSIAN: Record<string, string> = {
  '\u064a': '\u06cc',
  '\u0649': '\u06cc',
  '\u0643': '\u06a9',
  '\u0629': '\u0647',
  '\u0623': '\u0627',
  '\u0625': '\u0627',
  '\u0622': '\u0627',
  '\u0671': '\u0627',
  '\u06c0': '\u0647',
};

const LETTERS_TO_MAP = new RegExp(`[${Object.keys(CYRILLIC).join('')}${Object.keys(PERSIAN).join('')}]`, 'g');

/**
 * Lower-case Latin letters and digits, and Persian letters: "Дина Нурпеисова" and "Dina-Nurpeisova" both become
 * "dinanurpeisova"; "بندر عباس", "بندرعباس" and the same written with Arabic yeh or kaf, or with a zero-width
 * non-joiner, all become one key.
 */
export function normaliseName(text: string): string {
  let out = '';
  for (const ch of text) {
    let piece = NORMALISED_LETTERS.get(ch);
    if (piece === undefined) {
      piece = normaliseLetter(ch);
      if (NORMALISED_LETTERS.size < MAX_REMEMBERED) NORMALISED_LETTERS.set(ch, piece);
    }
    out += piece;
  }
  return out;
}

/**
 * Each letter is normalised on its own (lower case, transliteration, marks and punctuation dropped), so its result is
 * remembered: a station catalogue is built from a few hundred distinct letters (queries may bring others, hence a cap).
 */
const NORMALISED_LETTERS = new Map<string, string>();
const MAX_REMEMBERED = 4096;

function normaliseLetter(ch: string): string {
  const latin = ch.toLowerCase().replace(LETTERS_TO_MAP, (c) => CYRILLIC[c] ?? PERSIAN[c] ?? c);
  return latin
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '') // Arabic vowel marks, superscript alef, tatweel
    .replace(/[^a-z0-9\u0621-\u064a\u066e-\u06d3]/g, ''); // also drops spaces, ZWNJ (U+200C) and punctuation
}
