import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { columnName, XlsxWorkbookWriter } from '../../../src-main/common/xlsxWriter'
import { xlsxSheetNames, xlsxSource } from '../../../src-main/import/source/xlsxSource'

let dir: string
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cxdesk-xlsx-'))))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function sheet(path: string, name: string): Promise<string[][]> {
  const out: string[][] = []
  for await (const batch of xlsxSource(path, name).batches()) for (const r of batch) out.push(r.fields)
  return out
}

describe('the streaming XLSX writer', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD'])
  })

  it('writes sheets the app’s own reader reads back, text and numbers as written, across deflate chunks', async () => {
    const path = join(dir, 'book.xlsx')
    const book = new XlsxWorkbookWriter(path)
    book.sheet('Responses', ['id', 'comment', 'score'])
    const comment = (i: number) => `Cà phê <ngon> & "rẻ" ${i} ไทย ${'x'.repeat(i % 50)}`
    for (let i = 0; i < 20_000; i++) book.row([i, comment(i), i % 2 ? -i : null])
    book.sheet('Khách: hàng/[1]?', ['name'])
    book.row([' padded '])
    book.row(['bell\u0007 and tab\tkept'])
    const bytes = book.close()
    expect(readFileSync(path).length).toBe(bytes)
    expect(await xlsxSheetNames(path)).toEqual(['Responses', 'Khách  hàng  1  '])
    const rows = await sheet(path, 'Responses')
    expect(rows).toHaveLength(20_001)
    expect(rows[0]).toEqual(['id', 'comment', 'score'])
    expect(rows[12_346]).toEqual(['12345', comment(12_345), '-12345'])
    expect(rows[12_347].slice(0, 2)).toEqual(['12346', comment(12_346)])
    expect(await sheet(path, 'Khách  hàng  1  ')).toEqual([['name'], [' padded '], ['bell and tab\tkept']])
  })

  it('neutralises formulas in text cells too', async () => {
    const path = join(dir, 'f.xlsx')
    const book = new XlsxWorkbookWriter(path)
    book.sheet('S', ['a', 'b'])
    book.row(['=1+1', -5])
    book.close()
    expect(await sheet(path, 'S')).toEqual([['a', 'b'], ["'=1+1", '-5']])
    // Cells are inline strings, never formulas.
    const zip = readFileSync(path)
    const start = zip.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length
    const xml = inflateRawSync(zip.subarray(start, zip.indexOf(Buffer.from([0x50, 0x4b, 0x07, 0x08]), start))).toString('utf8')
    expect(xml).not.toContain('<f>')
    expect(xml).toContain('t="inlineStr"')
  })

  it('continues a table longer than a sheet on the next, with its header again', async () => {
    const path = join(dir, 'long.xlsx')
    const book = new XlsxWorkbookWriter(path, 4)
    book.sheet('Responses', ['n'])
    for (let i = 1; i <= 7; i++) book.row([i])
    book.sheet('Customers', ['c'])
    book.close()
    expect(await xlsxSheetNames(path)).toEqual(['Responses', 'Responses (2)', 'Responses (3)', 'Customers'])
    expect(await sheet(path, 'Responses')).toEqual([['n'], ['1'], ['2'], ['3']])
    expect(await sheet(path, 'Responses (2)')).toEqual([['n'], ['4'], ['5'], ['6']])
    expect(await sheet(path, 'Responses (3)')).toEqual([['n'], ['7']])
  })

  it('leaves nothing behind when aborted', () => {
    const path = join(dir, 'gone.xlsx')
    const book = new XlsxWorkbookWriter(path)
    book.sheet('S', ['a'])
    book.row(['x'])
    book.abort()
    expect(existsSync(path)).toBe(false)
  })
})
