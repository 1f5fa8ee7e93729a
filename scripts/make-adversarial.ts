/**
 * Writes the adversarial input corpus to e2e/fixtures/adversarial/: every file a union office might
 * find on a shared drive, and some made to break parsers. Text cases are written here too, so the
 * whole corpus comes from one reviewed place; `cases.json` beside the files states what each must do.
 * The very large inputs (50 MB field, 100 MB JSON, 200 MB CSV) are not written here: the tests make
 * them at run time (see `largeInputs`).
 *
 * Usage: npx tsx scripts/make-adversarial.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const OUT = join(import.meta.dirname, '..', 'e2e', 'fixtures', 'adversarial')

export type Outcome = 'ok' | 'partial' | 'error'

export interface AdversarialCase {
  file: string
  what: string
  /** ok: every data row accepted; partial: some rows accepted and some reported; error: nothing loaded. */
  outcome: Outcome
  /** Problem codes that must appear in the report (others may too). */
  codes?: string[]
  /** Rows that must be accepted, where it matters. */
  accepted?: number
}

const cases: AdversarialCase[] = []
const files = new Map<string, Uint8Array>()

function add(file: string, content: string | Uint8Array, c: Omit<AdversarialCase, 'file'>) {
  files.set(file, typeof content === 'string' ? new TextEncoder().encode(content) : content)
  cases.push({ file, ...c })
}

const H = 'region_code,region,period,indicator,value,source\n'
const row = (name: string, v: string, ind = 'legal_aid_cases', period = '2023') => `,${name},${period},${ind},${v},\n`

/** GBK bytes of the few characters the corpus needs, so no encoder library is required. */
const GBK: Record<string, number[]> = {
  江: [0xbd, 0xad], 都: [0xb6, 0xbc], 区: [0xc7, 0xf8], 锡: [0xce, 0xfd], 山: [0xc9, 0xbd],
  地: [0xb5, 0xd8], 年: [0xc4, 0xea], 份: [0xb7, 0xdd], 指: [0xd6, 0xb8], 标: [0xb1, 0xea],
  数: [0xca, 0xfd], 值: [0xd6, 0xb5],
}
function gbk(text: string): Uint8Array {
  const out: number[] = []
  for (const ch of text) {
    const b = GBK[ch]
    if (b) out.push(...b)
    else if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0))
    else throw new Error(`no GBK bytes for ${ch}`)
  }
  return Uint8Array.from(out)
}
function gb18030FourByte(): Uint8Array {
  // U+20000 (𠀀) is 0x95 0x32 0x82 0x36 in GB18030.
  return Uint8Array.from([0x95, 0x32, 0x82, 0x36])
}
function utf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2)
  let i = 0
  if (bom) {
    out[i++] = 0xff
    out[i++] = 0xfe
  }
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k)
    out[i++] = c & 0xff
    out[i++] = c >> 8
  }
  return out
}
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

// ── Encodings ────────────────────────────────────────────────────────────────
add('gbk.csv', gbk('地区,年份,指标,数值\r\n江都区,2023,legal_aid_cases,12\r\n锡山区,2023,legal_aid_cases,60\r\n'), {
  what: 'GBK, as Excel "CSV (逗号分隔)" writes on Chinese Windows',
  outcome: 'ok',
  accepted: 2,
})
add('gb18030-4byte.csv', concat(gbk('地区,年份,指标,数值,source\r\n江都区,2023,legal_aid_cases,12,'), gb18030FourByte(), gbk('\r\n')), {
  what: 'GB18030 with a 4-byte character (𠀀) in the source column',
  outcome: 'ok',
  accepted: 1,
})
add('utf8-bom.csv', `\uFEFF${H}${row('江都区', '12')}`, { what: 'UTF-8 with a byte-order mark', outcome: 'ok', accepted: 1 })
add('utf16le.tsv', utf16le('地区\t年份\t指标\t数值\r\n江都区\t2023\tlegal_aid_cases\t12\r\n'), {
  what: 'UTF-16LE tab-separated, as Excel "Unicode 文本" writes',
  outcome: 'ok',
  accepted: 1,
})
add('undecodable.csv', concat(new TextEncoder().encode(H), Uint8Array.from([0x2c, 0x81, 0x20, 0xfe, 0xff, 0x2c, 0x32, 0x30, 0x32, 0x33, 0x0a])), {
  what: 'bytes that are neither UTF-8 nor GB18030',
  outcome: 'error',
  codes: ['unknownEncoding'],
})
add('stray-byte-utf8.csv', concat(new TextEncoder().encode(`${H}${row('江都区', '12')},锡山区,2023,legal_aid_cases,60,来源`), Uint8Array.from([0xff]), new TextEncoder().encode('\n')), {
  what: 'a UTF-8 file with one stray byte: read as UTF-8, the line reported',
  outcome: 'ok',
  accepted: 2,
  codes: ['badBytes'],
})
add('utf16le-no-bom.tsv', utf16le('地区\t年份\t指标\t数值\r\n江都区\t2023\tlegal_aid_cases\t12\r\n', false), {
  what: 'UTF-16LE without a byte-order mark',
  outcome: 'ok',
  accepted: 1,
})
add('latin1.csv', concat(new TextEncoder().encode(`${H},Z`), Uint8Array.from([0xfc]), new TextEncoder().encode('rich,2023,legal_aid_cases,12,Caf'), Uint8Array.from([0xe9]), new TextEncoder().encode('s\n')), {
  what: 'Latin-1 text: neither UTF-8 nor GB18030, and said so',
  outcome: 'error',
  codes: ['unknownEncoding'],
})
add('tiny-gbk.csv', gbk('地区,年份,指标,数值\n锡山区,2023,legal_aid_cases,60'), {
  what: 'a two-line GBK file without a final newline (too short for statistical detectors)',
  outcome: 'ok',
  accepted: 1,
})
add('binary.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]), {
  what: 'a PNG renamed to .csv',
  outcome: 'error',
})

// ── Delimiters and line ends ────────────────────────────────────────────────
add('semicolon-decimal-comma.csv', '地区;年份;指标;数值\n江都区;2023;worker_stability_rate;91,6\n锡山区;2023;worker_stability_rate;90,2\n', {
  what: 'semicolons with decimal commas (European Excel)',
  outcome: 'ok',
  accepted: 2,
})
add('tab-thousands.tsv', '地区\t年份\t指标\t数值\n江都区\t2023\tmutual_insurance_enrolled\t20,270\n锡山区\t2023\tmutual_insurance_enrolled\t1,234,567\n', {
  what: 'tabs with thousands commas',
  outcome: 'ok',
  accepted: 2,
})
add('cr-only.csv', `${H}${row('江都区', '12')}${row('锡山区', '60')}`.replace(/\n/g, '\r'), { what: 'old Mac CR-only line ends', outcome: 'ok', accepted: 2 })
add('mixed-line-ends.csv', `${H.replace('\n', '\r\n')}${row('江都区', '12')}${row('锡山区', '60').replace('\n', '\r\n')}`, {
  what: 'CRLF and LF mixed in one file',
  outcome: 'ok',
  accepted: 2,
})
add('trailing-blank-lines.csv', `${H}${row('江都区', '12')}\n\n\n  \n`, { what: 'trailing blank lines', outcome: 'ok', accepted: 1 })
add('quoted-newline.csv', `${H},江都区,2023,legal_aid_cases,12,"第一行\n第二行"\n`, { what: 'a quoted source with a line break inside', outcome: 'ok', accepted: 1 })

// ── Structure ───────────────────────────────────────────────────────────────
{
  let s = H + ',江都区,2023,legal_aid_cases,12,"unbalanced\n'
  for (let i = 0; i < 10_000; i++) s += row('锡山区', String(i), 'legal_aid_cases', String(1900 + (i % 100)))
  add('unbalanced-quote-10k.csv', s, { what: 'an unbalanced quote on row 2 of a 10,000-row file', outcome: 'error', codes: ['unbalancedQuotes'] })
}
add('ragged.csv', `${H},江都区,2023,legal_aid_cases,12\n,锡山区,2023,legal_aid_cases,60,,extra,cells\n,梁溪区,2023\n`, {
  what: 'ragged rows: too few and too many cells (each rejected and listed)',
  outcome: 'error',
  codes: ['raggedRow'],
})
add('duplicate-headers.csv', 'region,period,indicator,value,value\n江都区,2023,legal_aid_cases,12,13\n', { what: 'two columns named value (the second is reported, not read)', outcome: 'ok', codes: ['duplicateColumn'] })
add('proto-headers.csv', '__proto__,constructor,toString\n江都区,2023,12\n', {
  what: 'headers __proto__, constructor, toString',
  outcome: 'error',
  codes: ['missingColumn'],
})
add('proto-values.csv', `${H},__proto__,2023,constructor,12,\n,toString,2023,legal_aid_cases,1,\n`, {
  what: '__proto__, constructor and toString as region and indicator names',
  outcome: 'error',
})
add('empty.csv', '', { what: 'an empty file', outcome: 'error', codes: ['emptyFile'] })
add('bom-only.csv', '\uFEFF', { what: 'a file holding only a byte-order mark', outcome: 'error', codes: ['emptyFile'] })
add('header-only.csv', H, { what: 'a header and no data', outcome: 'error', codes: ['headerOnly'] })
add('only-totals.csv', `region,period,indicator,value\n合计,2023,legal_aid_cases,72\n全市,2023,legal_aid_cases,72\n`, {
  what: 'rows that are all totals (合计, 全市)',
  outcome: 'error',
  codes: ['onlyTotals'],
})
add('null-bytes.csv', `${H},江都\u0000区,2023,legal_aid_cases,12,\n`, { what: 'a NUL byte inside a name', outcome: 'error' })

// ── Values ──────────────────────────────────────────────────────────────────
add('beyond-2-53.csv', `${H}${row('江都区', '9007199254740993')}`, { what: 'a count beyond 2^53', outcome: 'ok' })
add('leading-zero-codes.csv', `${H}007,,2023,legal_aid_cases,12,\n0321012,,2023,legal_aid_cases,12,\n`, {
  what: 'codes with leading zeros (007, 0321012) that are no adcode',
  outcome: 'error',
  codes: ['unknownRegion'],
})
add('e-notation.csv', `${H}${row('江都区', '713752e1')}`, { what: '713752e1, a number Excel writes in E notation', outcome: 'ok', accepted: 1 })
add('nan-infinity.csv', `${H}${row('江都区', 'NaN')}${row('锡山区', 'Infinity')}${row('梁溪区', '-Infinity')}`, {
  what: 'NaN and Infinity written as text',
  outcome: 'error',
  codes: ['badValue'],
})
add('negative-counts.csv', `${H}${row('江都区', '-12')}${row('锡山区', '60')}`, { what: 'a negative count (imported, with a warning)', outcome: 'ok', codes: ['negativeCount'] })
add('rate-over-100.csv', `${H}${row('江都区', '120%', 'worker_stability_rate')}`, { what: 'a rate over 100% (imported, with a warning)', outcome: 'ok', codes: ['rateOver100'] })
add('full-width.csv', `${H}${row('江都区', '１２３')}${row('锡山区', '３.６万', 'mutual_insurance_enrolled')}`, {
  what: 'full-width digits and 万',
  outcome: 'ok',
  accepted: 2,
})

// ── JSON ────────────────────────────────────────────────────────────────────
add('proto.json', '[{"__proto__": {"polluted": 1}, "region": "江都区", "period": "2023", "indicator": "legal_aid_cases", "value": 12}, {"constructor": {"prototype": {"polluted": 1}}, "region": "锡山区", "period": "2023", "indicator": "legal_aid_cases", "value": 60}]', {
  what: '{"__proto__": …} and constructor.prototype keys',
  outcome: 'ok',
})
add('deep-nesting.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, { what: 'arrays nested 100,000 levels deep', outcome: 'error', codes: ['badJson'] })
add('wrong-shape.json', '{"foo": 1, "bar": [1, 2, 3]}', { what: 'JSON of the wrong shape', outcome: 'error', codes: ['badJson'] })
add('bad-syntax.json', '{"facts": [{"region": "江都区",}', { what: 'JSON with a syntax error', outcome: 'error', codes: ['badJson'] })
add('numbers-as-strings.json', '{"facts": [{"region": "江都区", "period": 2023, "indicator": "legal_aid_cases", "value": "1,234"}]}', {
  what: 'numbers and periods of mixed types',
  outcome: 'ok',
  accepted: 1,
})

// ── Hostile text ────────────────────────────────────────────────────────────
add('xss-region.csv', `${H}${row('<img src=x onerror=alert(1)>', '12')}${row('"><svg onload=alert(1)>', '12')}`, {
  what: 'region names that are HTML with event handlers',
  outcome: 'error',
  codes: ['unknownRegion'],
})
add('xss-indicator.csv', `${H},江都区,2023,<script>alert(1)</script>,12,\n`, { what: 'an indicator name that is a script tag', outcome: 'error', codes: ['unknownIndicator'] })
add('xss-source.csv', `${H},江都区,2023,legal_aid_cases,12,<img src=x onerror=alert(1)>\n,锡山区,2023,legal_aid_cases,60,javascript:alert(1)\n`, {
  what: 'sources that are HTML and a javascript: URL (kept as plain text)',
  outcome: 'ok',
  accepted: 2,
})
add('xss-wide-header.csv', '地区,年份,<img src=x onerror=alert(1)>\n江都区,2023,12\n', { what: 'a wide table whose only column header is HTML (no indicator to import)', outcome: 'error', codes: ['unmatchedColumn'] })
add('very-long-name.csv', `${H}${row('区'.repeat(100_000), '12')}`, { what: 'a 100,000-character region name', outcome: 'error', codes: ['unknownRegion'] })
add('rtl-override.csv', `${H}${row('\u202E区都江', '12')}`, { what: 'a right-to-left override character in a name', outcome: 'error' })
add('formula-source.csv', `${H},江都区,2023,legal_aid_cases,12,"=HYPERLINK(""http://x"",""y"")"\n,锡山区,2023,legal_aid_cases,60,＋1+1\n`, {
  what: 'sources that a spreadsheet would run as formulas (must be neutralised on export)',
  outcome: 'ok',
  accepted: 2,
})

// ── Files that are not what their name says ─────────────────────────────────
add('not-a-workbook.xlsx', `${H}${row('江都区', '12')}`, { what: 'a CSV renamed to .xlsx: read as CSV, with a note', outcome: 'ok', codes: ['typeMismatch'] })
add('zip-not-workbook.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0, 0x61, 0x2e, 0x74, 0x78, 0x74]), {
  what: 'a zip archive that is no workbook, named .xlsx',
  outcome: 'error',
  codes: ['typeMismatch'],
})
add('legacy.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), {
  what: 'an Excel 97–2003 workbook, which is not read (save as .xlsx)',
  outcome: 'error',
  codes: ['legacyWorkbook'],
})

// ── More shapes people send ────────────────────────────────────────────────
add('wide-with-total.csv', '地区,年份,法律援助办结案件,五一劳动奖章\n江都区,2023,12,5\n广陵区,2023,8,3\n合计,2023,25,8\n', {
  what: 'a wide table whose 合计 row disagrees with the sum of its rows',
  outcome: 'ok',
  accepted: 2,
  codes: ['totalMismatch'],
})
add('former-names.csv', '地区,年份,指标,数值\n海安县,2023,legal_aid_cases,5\n港闸区,2023,legal_aid_cases,6\n淮阴市,2023,legal_aid_cases,7\n', {
  what: 'former names (海安县, 港闸区, 淮阴市) resolved through the catalogue',
  outcome: 'ok',
  accepted: 3,
})
add('ambiguous-name.csv', 'region,period,indicator,value\n鼓楼区,2023,legal_aid_cases,5\n', {
  what: 'a name two cities share (鼓楼区) with no city column',
  outcome: 'error',
  codes: ['ambiguousRegion'],
})

/** Inputs too large to commit; the tests build them at run time with these shapes. */
export const largeInputs = [
  { file: 'big-field.csv', what: 'a single 50 MB field', bytes: 50 * 2 ** 20 },
  { file: 'huge.json', what: 'a 100 MB JSON array', bytes: 100 * 2 ** 20 },
  { file: 'huge.csv', what: 'a 200 MB CSV', bytes: 200 * 2 ** 20 },
] as const

if (process.argv[1]?.endsWith('make-adversarial.ts')) {
  mkdirSync(OUT, { recursive: true })
  for (const [name, bytes] of files) writeFileSync(join(OUT, name), bytes)
  writeFileSync(join(OUT, 'cases.json'), `${JSON.stringify({ cases, large: largeInputs }, null, 2)}\n`)
  console.log(`${files.size} files and cases.json written to ${OUT}`)
}
