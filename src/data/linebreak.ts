/**
 * The line ending papaparse assumes for a text when none is given (its `guessLineEndings`, after
 * the BOM it strips), so the fast path can tell which files papaparse would read differently
 * without loading papaparse. linebreak.spec.ts compares the two on random texts.
 */
export type Linebreak = '\n' | '\r\n' | '\r'

export function guessLinebreak(text: string): Linebreak {
  // Quoted text is left out: a line break inside a quoted cell says nothing about the file's rows.
  const input = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).slice(0, 1024 * 1024).replace(/"[^]*?"/g, '')
  const byCr = input.split('\r')
  const byLf = input.split('\n')
  if (byCr.length === 1 || (byLf.length > 1 && byLf[0]!.length < byCr[0]!.length)) return '\n'
  let crlf = 0
  for (const part of byCr) if (part[0] === '\n') crlf++
  return crlf >= byCr.length / 2 ? '\r\n' : '\r'
}

/**
 * Row ends of a text with CRLF, LF and CR used together (files pasted together from several
 * sources), made LF; line breaks inside quoted cells are kept as they were. Null when the row
 * ends are all alike, quoted text not counted.
 */
export function unifyRowEnds(text: string): string | null {
  const kinds = new Set<string>()
  const out: string[] = []
  let quoted = false
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) quoted = !quoted
    else if (!quoted && (c === 0x0d || c === 0x0a)) {
      const crlf = c === 0x0d && text.charCodeAt(i + 1) === 0x0a
      kinds.add(crlf ? 'crlf' : c === 0x0d ? 'cr' : 'lf')
      out.push(text.slice(from, i), '\n')
      if (crlf) i++
      from = i + 1
    }
  }
  if (kinds.size <= 1) return null
  out.push(text.slice(from))
  return out.join('')
}
