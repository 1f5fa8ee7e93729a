import type zh from './figures.zh-CN'

const en: typeof zh = {
  figure: {
    coverage: 'Covers {reported} of {expected} districts',
    coverageShort: 'Covers {reported}/{expected}',
    coverageOf: 'Covers {reported} of {expected} districts: {region}',
    coverageMore: '{n} more not fully covered',
    needsInputs: 'Needs {inputs} to roll up',
    and: ' and ',
    invalid: 'Out of range; not shown',
    invalidRate: '{region}: rate {value}',
    invalidRatio: '{region}: {numerator} {num} is more than {denominator} {den}',
    invalidNegative: '{region}: {numerator} {num}, {denominator} {den}',
    invalidFix: 'Check the data of these regions and import it again.',
    derived: 'Worked out as {numerator} ÷ {denominator}',
    months: 'Sum of {months} of 12 months',
    partialYear: 'Includes a year with fewer than 12 months',
    likeForLike: 'like for like',
    changeLikeForLike: '{change} (like for like)',
    likeForLikeChange: 'change like for like',
    likeForLikeHint: 'only regions with data in both periods',
    plain: 'All data: {change}',
    missingIn: 'No data in {period}: {regions}',
    noComparable: 'The two periods cover different regions; no like-for-like change',
    published: 'Source: {source}',
    benchmarkOf: 'Benchmark: {value} ({label})',
    rankInBoth: ' (among the {n} regions with data in both years)',
  },
}

export default en
