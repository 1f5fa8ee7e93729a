// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { emptyTable, FactTableBuilder, transferablesOf, type FactTable } from '@/domain/table'
import type { LoadReport } from './facts'
import { decodeTableFile, encodeTableFile, TABLE_FILE_VERSION } from './table-file'

function table(): FactTable {
  const b = new FactTableBuilder()
  b.add('320205', '2023', 'legal_aid_cases', 60, '江苏工人报《主席论坛》2023')
  b.add('320102', '2023-01', 'relief_amount', null, '示例数据')
  b.add('320205', '2022', 'worker_stability_rate', 91.6, '示例数据')
  return b.build()
}

const reports: LoadReport[] = [
  { file: 'a.csv', rowsRead: 4, rowsAccepted: 3, totalRows: 0, rowsRejected: 1, problems: [{ code: 'badValue', file: 'a.csv', row: 3, column: 'value', text: 'x' }], problemCount: 1 },
]

const bufferOf = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer
const headerLength = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true)

describe('table files', () => {
  it('give back the same table and reports, with columns as views over the bytes', () => {
    const t = table()
    const buffer = bufferOf(encodeTableFile(t, reports))
    const back = decodeTableFile(buffer, 't.bin')
    expect(back.reports).toEqual(reports)
    for (const k of ['regions', 'periods', 'indicators', 'sources'] as const) expect(back.table[k]).toEqual(t[k])
    for (const k of ['region', 'period', 'indicator', 'source', 'value'] as const) {
      expect(back.table[k]).toEqual(t[k])
      expect(back.table[k].buffer).toBe(buffer)
    }
    expect(back.table.length).toBe(3)
    expect(Number.isNaN(back.table.value[1])).toBe(true)
    expect(back.table.value.byteOffset % 8).toBe(0)
  })

  it('read an empty table, and write columns that are views at an offset', () => {
    expect(decodeTableFile(bufferOf(encodeTableFile(emptyTable(), [])), 'e.bin').table.length).toBe(0)
    const t = table()
    const shifted = decodeTableFile(bufferOf(encodeTableFile(t, reports)), 't.bin').table
    expect(encodeTableFile(shifted, reports)).toEqual(encodeTableFile(t, reports))
  })

  it('start with the magic and a space-padded JSON header that leaves the columns 8-byte aligned', () => {
    const bytes = encodeTableFile(table(), reports)
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('UDFT')
    const h = headerLength(bytes)
    expect((8 + h) % 8).toBe(0)
    const json = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + h))) as { version: number; length: number }
    expect(json).toMatchObject({ version: TABLE_FILE_VERSION, length: 3 })
    expect(bytes.length).toBe(8 + h + 3 * 24)
  })

  it('refuse what is not a complete table file, naming the file and the fault', () => {
    const bytes = encodeTableFile(table(), reports)
    const h = headerLength(bytes)
    const decode = (b: Uint8Array) => () => decodeTableFile(bufferOf(b), 'sample/t.bin')
    expect(decode(new TextEncoder().encode('<!doctype html><html></html>'))).toThrow(/^sample\/t\.bin is not a table file \(\d+ bytes starting "<!doctyp"\)/)
    expect(decode(new Uint8Array(0))).toThrow(/is not a table file/)
    expect(decode(bytes.subarray(0, 8 + h - 1))).toThrow(/is truncated: \d+ bytes, but its header alone takes \d+/)
    expect(decode(bytes.subarray(0, bytes.length - 4))).toThrow(/sample\/t\.bin is \d+ bytes, but its header describes \d+ \(3 rows\): the file is truncated/)
    const longer = new Uint8Array(bytes.length + 24)
    longer.set(bytes)
    expect(decode(longer)).toThrow(/the columns do not match the header/)

    const withHeader = (text: string) => {
      const json = new TextEncoder().encode(text.padEnd(h, ' '))
      const b = bytes.slice()
      b.set(json, 8)
      return b
    }
    expect(decode(withHeader('{"version":1,'))).toThrow(/has an unreadable header/)
    expect(decode(withHeader('{"version":2}'))).toThrow(/is in table format 2, and this dashboard reads format 1/)
    expect(decode(withHeader('{"version":1,"length":3}'))).toThrow(/has a header that does not describe a table/)
    expect(decode(withHeader('[]'))).toThrow(/has a header that does not describe a table/)
  })

  it('refuse codes past their dictionary', () => {
    const bytes = encodeTableFile(table(), reports)
    const columnsAt = 8 + headerLength(bytes)
    // The third row's source code, in the last column.
    new DataView(bytes.buffer).setUint32(columnsAt + 3 * 8 + 3 * 3 * 4 + 2 * 4, 7, true)
    expect(() => decodeTableFile(bufferOf(bytes), 't.bin')).toThrow('t.bin: row 3 has source code 7, but the header lists 2 sources')
  })
})

describe('a table read from a file', () => {
  it('can be posted to a worker: its columns share one buffer, named once in the transfer list', () => {
    const read = decodeTableFile(bufferOf(encodeTableFile(table(), reports)), 't.bin').table
    const list = transferablesOf(read)
    expect(list).toHaveLength(1)
    // The structured clone itself refuses a buffer named twice; once is accepted.
    const { port1 } = new MessageChannel()
    expect(() => port1.postMessage(read, list)).not.toThrow()
    port1.close()
  })
})
