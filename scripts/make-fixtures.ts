/**
 * Writes the binary import fixtures of e2e/import.spec.ts: files as Chinese Excel saves them, which
 * cannot be written by hand in a text editor.
 *
 *   wide-gbk.csv        "CSV (逗号分隔)" on Chinese Windows: GBK, CRLF, a 合计 row, an unmatched column
 *   wide-utf16le.txt    "Unicode 文本": UTF-16LE with BOM, tab-separated, CRLF
 *   wide-2023.xlsx      a workbook whose first sheet is a wide table without a year column
 *
 * Deterministic: running it again gives the same bytes for the CSV and text files. Run with
 *   npx tsx scripts/make-fixtures.ts
 * The outputs are committed, so the browser tests do not need to run it.
 */
import { writeFileSync } from 'node:fs'
import writeXlsxFile from 'write-excel-file/node'

const OUT = new URL('../e2e/fixtures/import/', import.meta.url)

/** GBK encoder built from the platform's GBK decoder (every two-byte code, first-come wins). */
function gbkEncoder(): (text: string) => Uint8Array {
  const table = new Map<string, [number, number]>()
  const dec = new TextDecoder('gbk', { fatal: true })
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue
      try {
        const ch = dec.decode(Uint8Array.of(a, b))
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b])
      } catch {
        // Not a GBK code.
      }
    }
  }
  return (text) => {
    const out: number[] = []
    for (const ch of text) {
      const c = ch.codePointAt(0)!
      if (c < 0x80) out.push(c)
      else {
        const pair = table.get(ch)
        if (!pair) throw new Error(`not encodable in GBK: ${ch}`)
        out.push(...pair)
      }
    }
    return Uint8Array.from(out)
  }
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2)
  out[0] = 0xff
  out[1] = 0xfe
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out[2 + i * 2] = c & 0xff
    out[3 + i * 2] = c >> 8
  }
  return out
}

const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n`

const gbkCsv = crlf([
  '地区,年份,职工总数（人）,职工稳定率(%),帮扶金额（万元）,五一劳动奖章,职工书屋数量',
  '江都区,2023,120000,92.1,88.5,12,30',
  '仪征市,2023,80000,90.5,40.2,8,18',
  '高邮市,2023,70000,91.0,35.0,-3,12',
  '火星区,2023,1,1,1,1,1',
  '合计,2023,270001,,163.7,17,60',
])
writeFileSync(new URL('wide-gbk.csv', OUT), gbkEncoder()(gbkCsv))

const utf16Text = crlf(['地区\t年份\t法律援助\t五一劳动奖章获得者', '邗江区\t2023\t45\t9', '广陵区\t2023年\t31\t6', '宝应县\t2023\t-\t4'])
writeFileSync(new URL('wide-utf16le.txt', OUT), utf16le(utf16Text))

await writeXlsxFile(
  [
    {
      sheet: '区县数据',
      data: [
        ['区县', '职工稳定率(%)', '帮扶慰问金额（万元）', '户外劳动者服务站'],
        ['姑苏区', 93.4, 120.5, 21],
        ['吴江区', 91.2, 98, 34],
        ['张家港市', 92.8, 110.25, 40],
      ],
    },
    { sheet: '说明', data: [['本表为 2023 年数据']] },
  ],
).toFile(new URL('wide-2023.xlsx', OUT).pathname)

console.log('wrote wide-gbk.csv, wide-utf16le.txt, wide-2023.xlsx')
