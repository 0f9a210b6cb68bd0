/** The quote document's words in English and Russian. */
export type DocumentLang = 'en' | 'ru';

const EN = {
  title: 'Binding quote',
  quoteId: 'Quote id',
  issuedAt: 'Issued at (UTC)',
  validUntil: 'Valid until (inclusive)',
  expired: 'EXPIRED',
  validity: 'Validity',
  acceptanceDate: 'Acceptance date',
  route: 'Route',
  crossings: 'Border crossings',
  railways: 'Railways',
  transit: 'transit days',
  cargo: 'Cargo (ETSNG)',
  tariffClass: 'tariff class',
  units: 'Units',
  container: 'container',
  wagon: 'wagon',
  charges: 'Itemised charges',
  charge: 'Charge',
  formula: 'Formula',
  reference: 'Tariff reference and rule',
  confidenceTitle: 'Confidence',
  amount: 'Amount',
  subtotal: 'Subtotal',
  totalBeforeVat: 'Total before VAT',
  vatZero: 'VAT 0 % (international carriage)',
  totalAfterVat: 'Total after VAT',
  saving: 'Corridor saving against local tariffs',
  vatZeroNote:
    'Every leg is priced as international carriage (export, import or transit). The tariffs are stated before VAT; international carriage is zero-rated in the rule files’ terms (e.g. RZD: VAT 0 % on export). VAT a railway charges under its national law beyond that is not included.',
  vatNotIncluded:
    'Tariffs are stated before VAT. A leg priced as domestic carriage bears VAT at the national rate, charged on the railway’s invoice; it is not included here.',
  notes: 'Notes and assumptions',
  versions: 'Rule versions used',
  files: 'Rule files and their SHA-256 at issue',
  ruleSet: 'rule set',
  footer:
    'Each line names the rule file, version and YAML path that produced it. Lines marked illustrative are placeholders, not published figures: do not book on them.',
  confidence: { sourced: 'sourced', approximate: 'approximate', illustrative: 'illustrative' },
};

const RU: typeof EN = {
  title: 'Обязывающее предложение',
  quoteId: 'Номер предложения',
  issuedAt: 'Выпущено (UTC)',
  validUntil: 'Действительно до (включительно)',
  expired: 'СРОК ИСТЁК',
  validity: 'Срок действия',
  acceptanceDate: 'Дата приёма груза',
  route: 'Маршрут',
  crossings: 'Пограничные переходы',
  railways: 'Дороги',
  transit: 'сут. в пути',
  cargo: 'Груз (ЕТСНГ)',
  tariffClass: 'тарифный класс',
  units: 'Отправка',
  container: 'контейнер',
  wagon: 'вагон',
  charges: 'Построчный расчёт провозных платежей',
  charge: 'Статья',
  formula: 'Формула',
  reference: 'Тарифное основание и правило',
  confidenceTitle: 'Достоверность',
  amount: 'Сумма',
  subtotal: 'Итого',
  totalBeforeVat: 'Итого без НДС',
  vatZero: 'НДС 0 % (международная перевозка)',
  totalAfterVat: 'Итого с НДС',
  saving: 'Экономия по коридору против местных тарифов',
  vatZeroNote:
    'Все участки рассчитаны как международная перевозка (экспорт, импорт или транзит). Тарифы указаны без НДС; международная перевозка облагается по ставке 0 % (например, РЖД: НДС 0 % при экспорте). НДС, начисляемый дорогой сверх этого по национальному законодательству, не учтён.',
  vatNotIncluded:
    'Тарифы указаны без НДС. На участок, рассчитанный как внутренняя перевозка, НДС начисляется по национальной ставке в счёте дороги и здесь не учтён.',
  notes: 'Примечания и допущения',
  versions: 'Применённые версии правил',
  files: 'Файлы правил и их SHA-256 на момент выпуска',
  ruleSet: 'набор правил',
  footer:
    'Каждая строка указывает файл правил, версию и путь YAML, по которым она рассчитана. Строки с пометкой «иллюстративно» — условные значения, а не опубликованные ставки: не бронируйте по ним.',
  confidence: { sourced: 'по источнику', approximate: 'приблизительно', illustrative: 'иллюстративно' },
};

export function documentWords(lang: DocumentLang): typeof EN {
  return lang === 'ru' ? RU : EN;
}
