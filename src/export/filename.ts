/** File names that every system accepts, Windows included. */

const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]/g
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i
const MAX_LENGTH = 120

/** Replaces `\ / : * ? " < > |` and control characters, trims trailing dots and spaces, avoids CON, NUL… */
export function safeFileName(name: string): string {
  let s = name.normalize('NFC').replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim()
  s = s.replace(/[. ]+$/, '')
  if (s.length > MAX_LENGTH) s = s.slice(0, MAX_LENGTH).replace(/[. ]+$/, '')
  if (!s) s = '_'
  if (RESERVED.test(s)) s = `_${s}`
  return s
}

/** `<indicator>_<scope>_<period>`, each part made safe. */
export function chartFileBase(parts: { indicator: string; scope: string; period: string }): string {
  return safeFileName([parts.indicator, parts.scope, parts.period].filter(Boolean).join('_'))
}

/** Makes names unique within one archive by numbering repeats: a.png, a (2).png. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return names.map((n) => {
    const key = n.toLowerCase()
    const count = (seen.get(key) ?? 0) + 1
    seen.set(key, count)
    if (count === 1) return n
    const dot = n.lastIndexOf('.')
    const [stem, ext] = dot > 0 ? [n.slice(0, dot), n.slice(dot)] : [n, '']
    const next = `${stem} (${count})${ext}`
    seen.set(next.toLowerCase(), 1)
    return next
  })
}
