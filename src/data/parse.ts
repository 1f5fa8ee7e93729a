/**
 * One file's bytes → a validated table and a report, for tests and scripts: everything loaded up
 * front, so CSV and JSON can be read synchronously. The loader worker imports parse-common.ts
 * instead, which loads the general path only when a file needs it; both give the same results.
 */
import type { Progress } from './grid'
import { parseCommon } from './parse-common'
import { failed, withFormat, withNote } from './parse-steps'
import type { Catalogues, ParsedFile, ParseRequest } from './parse-types'
import { parseCsvGeneral } from './parse-general'

export { formatOf, parseFileAsync, type Catalogues, type FileFormat, type ParsedFile, type ParseRequest, type WorkbookChoices } from './parse-common'

/** CSV and JSON, synchronously (the bundled sample, tests, scripts). */
export function parseFile(asked: ParseRequest, catalogues: Catalogues, onProgress?: Progress): ParsedFile {
  const { req, note, fatal } = withFormat(asked)
  if (fatal) return failed(req, req.format!, fatal)
  if (req.format === 'xlsx') throw new Error('parseFile: use parseFileAsync for .xlsx')
  return withNote(parseCommon(req, catalogues) ?? parseCsvGeneral(req, catalogues, onProgress), note)
}
