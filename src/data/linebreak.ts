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
