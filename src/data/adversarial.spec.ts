// @vitest-environment node
/**
 * The adversarial corpus (e2e/fixtures/adversarial, made by scripts/make-adversarial.ts) through the
 * loader: every file ends in the outcome its case states, with the problems it names, and nothing
 * throws, hangs or pollutes Object.prototype. The browser suite runs the same corpus through the UI.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import indicatorsJson from '../../data/indicators.json'
import regionsJson from '../../data/regions.json'
import { loadIndicatorCatalogue } from '@/domain/indicators'
import { loadRegionCatalogue } from '@/domain/regions'
import { parseFileAsync, type Catalogues } from './parse'
import { WARNING_CODES, type ProblemCode } from './facts'

interface Case {
  file: string
  what: string
  outcome: 'ok' | 'partial' | 'error'
  codes?: string[]
  accepted?: number
}

const dir = new URL('../../e2e/fixtures/adversarial/', import.meta.url)
const { cases } = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8')) as { cases: Case[] }
const catalogues: Catalogues = {
  regions: loadRegionCatalogue(regionsJson).all,
  indicators: loadIndicatorCatalogue(indicatorsJson).indicators,
}

describe('adversarial corpus', () => {
  it('has at least 40 inputs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
  })

  // Plain tidy CSV takes the fast path by default; each file is also read the general way.
  const runs = cases.flatMap((c) => [{ ...c, generalPath: false }, { ...c, generalPath: true }])
  it.each(runs)('$file (general path: $generalPath): $what', async (c) => {
    const b = readFileSync(new URL(c.file, dir))
    const r = await parseFileAsync(
      { file: c.file, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer, defaultSource: 'test', generalPath: c.generalPath },
      catalogues,
    )
    const { report } = r
    const errors = report.problems.filter((p) => !WARNING_CODES.has(p.code as ProblemCode))
    const outcome = report.rowsAccepted === 0 ? 'error' : errors.length > 0 || report.rowsRejected > 0 ? 'partial' : 'ok'
    expect(outcome).toBe(c.outcome)
    const codes = new Set(report.problems.map((p) => p.code))
    for (const code of c.codes ?? []) expect(codes).toContain(code)
    if (c.accepted !== undefined) expect(report.rowsAccepted).toBe(c.accepted)
    // Every rejected row is accounted for by a listed problem, and every problem names its file.
    expect(report.rowsAccepted + report.rowsRejected + report.totalRows).toBe(report.rowsRead)
    for (const p of report.problems) expect(p.file).toBe(c.file)
    if (outcome === 'error') expect(report.problemCount + report.totalRows).toBeGreaterThan(0)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
