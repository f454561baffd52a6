// Word lists the quantity parser and the relations share. English news text.

export const SMALL_NUMBERS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90
}

export const NUMBER_MULTIPLIERS: Readonly<Record<string, number>> = {
  dozen: 12, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12
}

export const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, hundredth: 100
}

/** Fraction denominators ("two-thirds", "a quarter", "half"). */
export const DENOMINATORS: Readonly<Record<string, number>> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, sixth: 6, sixths: 6,
  seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9, tenth: 10, tenths: 10
}

/** Scale words after a number, lowercased. Short forms glued to a number ("1.2bn", "£12m") are handled apart. */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, mln: 1e6, mn: 1e6, bln: 1e9, bn: 1e9, tn: 1e12,
  trln: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7
}

/** Currency signs and codes written before the number. */
export const CURRENCY_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'], ['U.S.$', 'USD'], ['A$', 'AUD'], ['C$', 'CAD'], ['HK$', 'HKD'], ['NZ$', 'NZD'], ['S$', 'SGD'],
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₽', 'RUB'], ['₹', 'INR'], ['₸', 'KZT'], ['₴', 'UAH'],
  ['Rs.', 'INR'], ['Rs', 'INR'], ['Br', 'BYN'], ['USD', 'USD'], ['EUR', 'EUR'], ['GBP', 'GBP'], ['RUB', 'RUB'],
  ['BYN', 'BYN'], ['KZT', 'KZT'], ['JPY', 'JPY'], ['CNY', 'CNY'], ['CHF', 'CHF'], ['INR', 'INR'], ['UAH', 'UAH'],
  ['PLN', 'PLN']
]

/** Currency words after the number ("1.2 billion dollars"); a qualifier before the word can change the code. */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', sterling: 'GBP',
  ruble: 'RUB', rubles: 'RUB', rouble: 'RUB', roubles: 'RUB', yen: 'JPY', yuan: 'CNY', renminbi: 'CNY',
  tenge: 'KZT', franc: 'CHF', francs: 'CHF', rupee: 'INR', rupees: 'INR', hryvnia: 'UAH', hryvnias: 'UAH',
  zloty: 'PLN', zlotys: 'PLN'
}

export const CURRENCY_QUALIFIERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  canadian: { USD: 'CAD' }, australian: { USD: 'AUD' }, belarusian: { RUB: 'BYN' }, russian: {}, us: {},
  american: {}, kazakh: {}
}

/** Measurement units after the number, lowercased → normalised. */
export const MEASURE_UNITS: Readonly<Record<string, string>> = {
  tonne: 'tonnes', tonnes: 'tonnes', ton: 'tonnes', tons: 'tonnes', kg: 'kg', kilogram: 'kg', kilograms: 'kg',
  km: 'km', kilometre: 'km', kilometres: 'km', kilometer: 'km', kilometers: 'km', mile: 'miles', miles: 'miles',
  metre: 'metres', metres: 'metres', meter: 'metres', meters: 'metres', hectare: 'hectares', hectares: 'hectares',
  ha: 'hectares', litre: 'litres', litres: 'litres', liter: 'litres', liters: 'litres', barrel: 'barrels',
  barrels: 'barrels', mw: 'MW', gw: 'GW', kw: 'kW', kwh: 'kWh', mwh: 'MWh', gwh: 'GWh', twh: 'TWh',
  acre: 'acres', acres: 'acres'
}

export const DURATION_UNITS: Readonly<Record<string, string>> = {
  year: 'years', years: 'years', month: 'months', months: 'months', week: 'weeks', weeks: 'weeks', day: 'days',
  days: 'days', hour: 'hours', hours: 'hours', minute: 'minutes', minutes: 'minutes', decade: 'decades',
  decades: 'decades', century: 'centuries', centuries: 'centuries'
}

/** Nouns that count people: their counts share the unit 'people' ("180 men and 130 women" = "300 people"). */
export const PEOPLE_NOUNS = new Set(
  ('people persons person residents inhabitants citizens nationals men women boys girls children kids adults ' +
    'pensioners workers employees staff members engineers doctors nurses teachers officers police policemen ' +
    'soldiers troops servicemen diplomats delegates deputies lawmakers legislators voters respondents students ' +
    'pupils patients tourists visitors passengers migrants refugees immigrants participants athletes players fans ' +
    'spectators journalists experts specialists farmers volunteers victims casualties survivors prisoners detainees ' +
    'protesters demonstrators applicants candidates graduates scientists researchers guests customers clients ' +
    'users subscribers individuals families households crew sailors pilots miners doctors drivers').split(' ')
)

export const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec'

/** Words skipped when looking left from a quantity for what it counts: verbs of amounting, hedges, particles. */
export const SUBJECT_SKIP = new Set(
  ('a an the at to of up down by from about around almost nearly some over under than more less just only roughly ' +
    'approximately estimated worth valued value total totaled totalled totals totaling totalling reach reached ' +
    'reaches reaching amount amounted amounts amounting stand stood stands standing be is are was were been being ' +
    'has have had make made makes making come came comes coming rise rose rises risen rising grow grew grows grown ' +
    'growing increase increased increases increasing fall fell falls fallen falling drop dropped drops dropping ' +
    'decline declined declines declining decrease decreased decreases soar soared soars surge surged surges jump ' +
    'jumped jumps climb climbed climbs hit hits exceed exceeded exceeds top topped tops account accounted accounts ' +
    'for equal equaled equalled equals register registered recorded record posted post showed show shown saw seen ' +
    'slump slumped plunge plunged shrank shrink contracted expand expanded add added adds gain gained gains lost ' +
    'double doubled tripled halved bring brought brings brought also still already again further another ' +
    'this year last year so far reportedly only would will could should may might almost exactly slightly ' +
    'sharply steadily respectively year-on-year year-over-year month-on-month yoy annual annually half quarter period month ' +
    'first second third fourth slightly marginally ago earlier later basis prior-year year-earlier year-ago previous prior ' +
    'same slight sharp modest strong steep small big large significant marginal record').split(' ')
)

/** Words of SUBJECT_SKIP that are no verbs: passing them does not open a prepositional phrase before the subject. */
export const NON_VERB_SKIP = new Set(
  ('a an the at to of up down by from about around almost nearly some over under than more less just only roughly ' +
    'approximately estimated worth value total also still already again further another this year last so far ' +
    'reportedly exactly slightly sharply steadily respectively year-on-year year-over-year month-on-month yoy annual ' +
    'annually half quarter period month first second third fourth marginally ago earlier later basis prior-year ' +
    'year-earlier year-ago previous prior same slight sharp modest strong steep small big large significant marginal ' +
    'record for').split(' ')
)

/** Words that end a look for a subject: the quantity's clause has no noun of its own there. */
export const SUBJECT_STOP = new Set(
  ('and or but while whereas which who whom that these those it its they them their he she his her we our ' +
    'you i me us if when as with without because since after before during against between among into onto per ' +
    'each every all both any no not none other others there here where what how why then said says say told including ' +
    'excluding besides plus').split(' ')
)

/** Prepositions that open a phrase qualifying a noun ("trade between the two countries", "exports to the EU"). */
export const QUALIFYING_PREPOSITIONS = new Set(['to', 'from', 'with', 'between', 'among', 'in', 'for', 'of', 'on', 'across', 'within', 'by'])

/** "the value of exports" counts exports: the head before "of" is a measure of the noun after it. */
export const MEASURE_HEADS = new Set(
  'value volume amount level number total share sum figure cost size output count quantity'.split(' ')
)
