import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createI18n } from 'vue-i18n'
import { compile as vueI18nCompile } from '@intlify/core-base'
import { compileMessage } from './compile'
import { withFeatures } from './messages'
import zhCore from './zh-CN'
import enCore from './en'

type Tree = Record<string, unknown>

function leaves(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]]
  if (typeof tree !== 'object' || tree === null) return []
  return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

const zh = withFeatures(zhCore, import.meta.glob<{ default: Tree }>('./features/*.zh-CN.ts', { eager: true }))
const en = withFeatures(enCore, import.meta.glob<{ default: Tree }>('./features/*.en.ts', { eager: true }))
const lazy = import.meta.glob<{ default: Tree }>('./lazy/*.{zh-CN,en}.ts', { eager: true })

/** Two translators over the same messages: ours, and one with vue-i18n's own compiler. */
type Translate = (key: string, params: object, plural?: number) => string

function pair(messages: Tree): { ours: { t: Translate }; theirs: { t: Translate } } {
  const make = (messageCompiler: typeof compileMessage): { t: Translate } => {
    // Typed loosely: the message tree is built at run time, so vue-i18n's key types say nothing here.
    const create = createI18n as unknown as (options: object) => { global: { t: Translate } }
    const { global } = create({ legacy: false, locale: 'x', messages: { x: messages }, messageCompiler, missingWarn: false, fallbackWarn: false })
    return { t: global.t }
  }
  return { ours: make(compileMessage), theirs: make(vueI18nCompile as typeof compileMessage) }
}

const PARAMS = { n: 3, count: 3, region: '锡山区', file: 'a.csv', row: 7, column: 'C', value: '92.5', name: '职工稳定率', total: 95 }

describe('the message compiler', () => {
  const trees: [string, Tree][] = [['zh-CN', zh as Tree], ['en', en as Tree], ...Object.entries(lazy).map(([f, m]) => [f, m.default] as [string, Tree])]

  it.each(trees)('renders every %s message as vue-i18n does, with parameters and plural counts', (_name, tree) => {
    const { ours, theirs } = pair(tree)
    const all = leaves(tree)
    expect(all.length).toBeGreaterThan(20)
    for (const [key] of all) {
      for (const n of [0, 1, 2, 5]) {
        const params = { ...PARAMS, n, count: n }
        expect([key, ours.t(key, params, n)]).toEqual([key, theirs.t(key, params, n)])
      }
      expect([key, ours.t(key, ['a', 'b', 'c'])]).toEqual([key, theirs.t(key, ['a', 'b', 'c'])])
    }
  })

  it('reads placeholders, literals and plural forms', () => {
    const { ours } = pair({ a: '{n} row | {n} rows', b: "at {'{'}x{'}'} {0}", c: '{ region }：{value}%' })
    expect(ours.t('a', { n: 1 }, 1)).toBe('1 row')
    expect(ours.t('a', { n: 4 }, 4)).toBe('4 rows')
    expect(ours.t('b', ['y'])).toBe('at {x} y')
    expect(ours.t('c', { region: '江阴市', value: 91.2 })).toBe('江阴市：91.2%')
  })

  it('agrees with vue-i18n on text made of plain words, placeholders and plural bars', () => {
    const piece = fc.oneof(
      fc.constantFrom('{n}', '{region}', '{0}', " | ", '：', '（', '）', '%', 'rows', '数据覆盖', ' ', ',', '.'),
      fc.string({ unit: fc.constantFrom('a', 'b', '区', '1', ' '), maxLength: 4 }),
    )
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const text = pieces.join('')
        const { ours, theirs } = pair({ m: text })
        for (const n of [1, 2]) {
          let expected: string
          try {
            expected = theirs.t('m', { ...PARAMS, n }, n)
          } catch {
            // Not a valid message for vue-i18n either (an empty plural form): nothing to agree on.
            return
          }
          expect(ours.t('m', { ...PARAMS, n }, n)).toBe(expected)
        }
      }),
      { numRuns: 300 },
    )
  })
})
