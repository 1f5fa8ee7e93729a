/**
 * Problem codes of workbooks, encodings, file types and imports of several files, kept apart from
 * the table builder's own (facts.ts) which includes them in its list.
 */
export const READING_PROBLEM_CODES = [
  /** A formula cell with no computed value saved: read as no data. */
  'formulaNoValue',
  /** A period number such as 2023.1 that may be January or October: the user chooses. */
  'ambiguousPeriod',
  /** Two columns mapped to one indicator: neither is read until one is left out. */
  'columnConflict',
  /** The same region, period and indicator in two files with different values. */
  'conflictingReturn',
  /** The same fact in two files with the same value. */
  'repeatedReturn',
  /** The file's contents are not what its name says (a workbook named .csv). */
  'typeMismatch',
  /** An Excel 97–2003 .xls workbook, which is not read. */
  'legacyWorkbook',
  /** Lines of a UTF-8 file with bytes that are not UTF-8. */
  'badBytes',
  /** Neither UTF-8 nor GB18030 fits the bytes. */
  'unknownEncoding',
  /** A field of an indicator definition (decimals, unit, id) that cannot be used: its default is. */
  'badIndicatorField',
] as const

export type ReadingProblemCode = (typeof READING_PROBLEM_CODES)[number]

export const READING_WARNING_CODES: readonly ReadingProblemCode[] = ['formulaNoValue', 'repeatedReturn', 'typeMismatch', 'badBytes', 'unknownEncoding', 'badIndicatorField']

/** Every problem an import can report: the reading ones above and those of the table. */
export type ProblemCode =
  | 'emptyFile'
  | 'headerOnly'
  | 'tooLarge'
  | 'tooManyRows'
  | 'parseError'
  | 'badJson'
  | 'badXlsx'
  | 'undecodable'
  | 'unbalancedQuotes'
  | 'raggedRow'
  | 'missingColumn'
  | 'noPeriod'
  | 'unknownRegion'
  | 'ambiguousRegion'
  | 'badPeriod'
  | 'unknownIndicator'
  | 'unmatchedColumn'
  | 'duplicateColumn'
  | 'onlyTotals'
  | 'badIndicatorSpec'
  | 'badValue'
  | 'duplicate'
  | 'repeatedRow'
  | 'negativeCount'
  | 'rateOver100'
  | 'totalMismatch'
  | 'unitMismatch'
  | 'rateBelow0'
  | 'numeratorOverDenominator'
  | 'fractionRates'
  | 'mixedRateScale'
  | 'jump'
  | 'futurePeriod'
  | 'regionConflict'
  | 'placeConflict'
  | 'cityOutsideProvince'
  | 'regionOutsidePlace'
  | 'parentMismatch'
  | ReadingProblemCode

/** Codes that are reported but do not stop a fact from being loaded. */
export const WARNING_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'undecodable',
  'repeatedRow',
  'negativeCount',
  'rateOver100',
  'totalMismatch',
  'rateBelow0',
  'numeratorOverDenominator',
  'fractionRates',
  'mixedRateScale',
  'jump',
  'futurePeriod',
  'regionConflict',
  'placeConflict',
  'parentMismatch',
  'unmatchedColumn',
  'duplicateColumn',
  ...READING_WARNING_CODES,
])
