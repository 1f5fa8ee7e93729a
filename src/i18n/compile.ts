/**
 * The message compiler: turns a message string into the function vue-i18n calls. The app's
 * messages use a small part of vue-i18n's syntax, and this compiler reads exactly that part:
 * - named and list placeholders: `{n}`, `{region}`, `{0}`;
 * - literals: `{'{'}`, `{'@'}`, `{'|'}`;
 * - plural forms separated by `|`: `{n} row read | {n} rows read`.
 * vue-i18n's own compiler (about 15 KB gzip) then stays out of the bundle: the build uses its
 * runtime-only entry (see vite.config.ts). `compile.spec.ts` checks that this compiler and
 * vue-i18n's agree on every message of every language.
 */
import type { MessageContext, MessageFunction } from 'vue-i18n'

type Part = string | { named: string } | { list: number }

const TOKEN = /\{\s*(?:'([^']*)'|(\d+)|([A-Za-z_$][\w$-]*))\s*\}/g

function partsOf(text: string): Part[] {
  const parts: Part[] = []
  let at = 0
  let literal = ''
  for (const m of text.matchAll(TOKEN)) {
    literal += text.slice(at, m.index)
    at = m.index + m[0].length
    if (m[1] !== undefined) {
      literal += m[1]
      continue
    }
    if (literal) parts.push(literal)
    literal = ''
    parts.push(m[2] !== undefined ? { list: Number(m[2]) } : { named: m[3]! })
  }
  literal += text.slice(at)
  if (literal) parts.push(literal)
  return parts
}

/** Splits plural forms at `|` outside placeholders and literals, dropping the space next to each bar. */
function formsOf(source: string): string[] {
  const forms: string[] = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === "'" && depth > 0) quoted = !quoted
    else if (quoted) continue
    else if (c === '{') depth++
    else if (c === '}') depth = Math.max(0, depth - 1)
    else if (c === '|' && depth === 0) {
      forms.push(source.slice(start, i))
      start = i + 1
    }
  }
  forms.push(source.slice(start))
  const last = forms.length - 1
  return forms.map((f, i) => {
    const head = i > 0 ? f.trimStart() : f
    return i < last ? head.trimEnd() : head
  })
}

/** The context vue-i18n hands a message function; its two joining steps are left out of the public type. */
type Context = MessageContext & { normalize(values: unknown[]): unknown; interpolate(value: unknown): unknown }

function render(ctx: Context, parts: readonly Part[]): unknown {
  return ctx.normalize(
    parts.map((p) => (typeof p === 'string' ? p : ctx.interpolate('named' in p ? ctx.named(p.named) : ctx.list(p.list)))),
  )
}

const cache = new Map<string, MessageFunction>()

/** vue-i18n's `messageCompiler` option. */
export function compileMessage(source: unknown): MessageFunction {
  // Messages are strings; anything else (a precompiled AST) is not used by the app.
  const text = typeof source === 'string' ? source : String(source)
  let fn = cache.get(text)
  if (!fn) {
    const forms = formsOf(text).map(partsOf)
    fn = (forms.length === 1
      ? (ctx: MessageContext) => render(ctx as Context, forms[0]!)
      : (ctx: MessageContext) => ctx.plural(forms.map((f) => render(ctx as Context, f)) as never)) as MessageFunction
    cache.set(text, fn)
  }
  return fn
}
