import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { AppError } from '../../../src-shared/api/result'
import { SharedStrings } from '../../../src-main/import/source/sharedStrings'
import { freshWorkspace } from '../../helpers/db'
import { importFile, inspect, rows } from '../../helpers/importing'
import { inlineRow, repeatedPart, sheetXml, workbookParts, zipBytes, type ZipPart } from '../../helpers/zipWriter'

/**
 * Files that once killed, stalled or fooled the importer, built byte by byte here. Each is refused
 * with a sentence that says what is wrong (and, for workbooks, what to do), or imported as it should.
 * The ones that aborted the whole process run through the CLI in a child process
 * (hostileFilesCli.test.ts); these run in this thread, in a workspace in memory.
 */
let dir: string
let open: OpenWorkspace
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-hostile-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(async () => {
  open = await freshWorkspace()
})
afterEach(() => open.ws.close())

const write = (name: string, bytes: Buffer | string) => {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

/** The refusal an inspection ends with (fails the test when the file is accepted). */
async function refusal(path: string): Promise<{ message: string; problem: unknown; params: unknown }> {
  const e = await inspect(open, path).then(
    (insp) => new Error(`accepted, headers ${JSON.stringify(insp.headers).slice(0, 200)}`),
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(AppError)
  const err = e as AppError
  expect(err.code).toBe('IMPORT_FAILED')
  return { message: err.message, problem: err.details?.problem, params: err.details?.params }
}

const header = inlineRow(1, ['Date', 'Score', 'Comment'])

describe('files that are not tables', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(200, 7)])
  // The start of a Linux executable: magic, class, then a header full of zero bytes.
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56), Buffer.from('/lib64/ld-linux-x86-64.so.2'), Buffer.alloc(100)])
  // A Windows program: "MZ", then binary header fields.
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]), Buffer.from('This program cannot be run in DOS mode.'), Buffer.alloc(64)])
  const zipOfText = zipBytes([{ name: 'notes.txt', data: 'Date,Score\n2025-01-01,9\n' }])

  it.each([
    ['a PNG image', png],
    ['a Linux executable', elf],
    ['a Windows program', exe],
    ['a zip that is not a workbook', zipOfText],
  ])('%s renamed .csv is refused as "not a text or Excel file", not mapped as garbage', async (_what, bytes) => {
    const r = await refusal(write('renamed.csv', bytes))
    expect(r.message).toBe('renamed.csv is not a text (CSV) or Excel (.xlsx) file, so it cannot be imported.')
    expect(r.problem).toBe('notTable')
  })

  it('a header without rows says "no rows", for CSV and for a workbook', async () => {
    const csv = await refusal(write('header-only.csv', 'Date,Score,Comment\r\n'))
    expect(csv.message).toMatch(/header-only\.csv has no rows to import/)
    expect(csv.problem).toBe('noRows')
    const xlsx = await refusal(write('header-only.xlsx', zipBytes(workbookParts(sheetXml(header)))))
    expect(xlsx.problem).toBe('noRows')
    // And an empty file is still "empty".
    expect((await refusal(write('nothing.csv', ''))).problem).toBe('empty')
  })

  it('ordinary text with a stray control character is still read as text', async () => {
    const insp = await inspect(open, write('stray.csv', 'Date,Score,Comment\n2025-01-01,9,ok\u0007\n2025-01-02,3,late\u001a\n'))
    expect(insp.headers).toEqual(['Date', 'Score', 'Comment'])
  })
})

describe('bounds on what a CSV can make the reader grow', () => {
  it('a line of more than 16,384 fields is refused with its row number', async () => {
    const r = await refusal(write('wide.csv', `Date,Score\n2025-01-01,9\n${','.repeat(20_000)}\n`))
    expect(r.problem).toBe('tooManyColumns')
    expect(r.message).toMatch(/^Row 3 has more than 16,384 fields/)
    expect(r.params).toMatchObject({ row: 3 })
  })

  it('a quote that never closes is refused at its row, not read to the end of the file as one field', async () => {
    const r = await refusal(write('quote.csv', `Date,Score,Comment\n2025-01-01,9,"fine"\n2025-01-02,3,"never closed\n${'2025-01-03,9,more text\n'.repeat(60_000)}`))
    expect(r.problem).toBe('quoteNeverEnds')
    expect(r.message).toMatch(/^Row 3, column 3: a quoted field runs on for more than 1,048,576 characters/)
  })

  it('one enormous line is refused with its row number', async () => {
    const r = await refusal(write('long.csv', `Date,Score,Comment\n2025-01-01,9,${'x'.repeat(1_100_000)}\n`))
    expect(r.problem).toBe('cellTooLong')
    expect(r.message).toMatch(/^Row 2, column 3 holds more than 1,048,576 characters/)
  })
})

describe('bounds on what a workbook can make the reader grow', () => {
  it('a cell past column XFD is refused, naming it (the ZZZZZZ2 case itself runs in a child process)', async () => {
    const r = await refusal(write('xfe.xlsx', zipBytes(workbookParts(sheetXml(`${header}<row r="2"><c r="XFE2"><v>1</v></c></row>`)))))
    expect(r.problem).toBe('tooManyColumns')
    expect(r.message).toMatch(/^Row 2 has a cell in column XFE, past the last column/)
    // XFD itself is Excel's last column and is read.
    const insp = await inspect(open, write('xfd.xlsx', zipBytes(workbookParts(sheetXml(`${header}<row r="2"><c r="A2"><v>45000</v></c><c r="XFD2"><v>1</v></c></row>`)))))
    expect(insp.preview[0]).toHaveLength(16_384)
  })

  it('a row numbered past 1,048,576 is refused', async () => {
    const r = await refusal(write('deep.xlsx', zipBytes(workbookParts(sheetXml(`${header}<row r="1048577"><c r="A1048577"><v>1</v></c></row>`)))))
    expect(r.problem).toBe('tooManyRows')
    expect(r.message).toMatch(/row numbered 1,048,577/)
  })

  it('a cell longer than Excel allows is refused, naming the cell', async () => {
    const r = await refusal(write('longcell.xlsx', zipBytes(workbookParts(sheetXml(header + inlineRow(2, ['2025-01-01', '9', 'y'.repeat(40_000)]))))))
    expect(r.problem).toBe('cellTooLong')
    expect(r.message).toMatch(/^Cell C2 holds more than 32,767 characters/)
  })

  it('a text node without markup, or elements nested without end, are refused before the XML parser buffers them', async () => {
    const run = await refusal(write('run.xlsx', zipBytes(workbookParts(sheetXml(`${header}<row r="2"><c r="A2" t="inlineStr"><is><t>${'z'.repeat(1_200_000)}`)))))
    expect(run.message).toMatch(/without markup/)
    const nested = await refusal(write('nest.xlsx', zipBytes(workbookParts(sheetXml(`${header}<row r="2">${'<x>'.repeat(100)}`)))))
    expect(nested.message).toMatch(/nests elements more than 64 deep/)
  })

  it('a number format without formatCode is not a date and does not stop the import (was "not valid UTF-8")', async () => {
    const styles =
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>'
    const path = write('noformatcode.xlsx', zipBytes(workbookParts(sheetXml(`${header}<row r="2"><c r="A2" t="inlineStr"><is><t>2025-03-01</t></is></c><c r="B2" s="1"><v>9</v></c></row>`), { styles })))
    const s = await importFile(open, path)
    expect(s).toMatchObject({ imported: 1, rejected: 0 })
    expect(rows<{ score: number }>(open, 'SELECT score FROM responses')).toEqual([{ score: 9 }])
  })
})

describe('zip bombs and damaged archives', () => {
  const sst = (size: number) =>
    repeatedPart('xl/sharedStrings.xml', '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '<si><t>Hello world, a string</t></si>', size, '</sst>')
  const refSheet = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>9</v></c></row>')

  it('shared strings that inflate to a gigabyte (a 1 MB file) are refused by their declared size', async () => {
    const r = await refusal(write('bomb.xlsx', zipBytes(workbookParts(refSheet, { shared: sst(1 << 30) }))))
    expect(r.problem).toBe('workbookTooLarge')
    expect(r.message).toMatch(/the shared strings.*save it as CSV/)
  })

  it('the same bomb with headers that lie about its size is stopped by counting the inflated bytes', async () => {
    const lying = { ...sst(1 << 30), declaredSize: 4096 }
    const r = await refusal(write('liar.xlsx', zipBytes(workbookParts(refSheet, { shared: lying }))))
    expect(r.message).toMatch(/damaged \(the shared strings holds more than its header says\)/)
    // Honest headers under the cap, but packed far tighter than any real workbook: stopped by the ratio after 16 MB.
    const ratio = await refusal(write('ratio.xlsx', zipBytes(workbookParts(refSheet, { shared: sst(300 << 20) }))))
    expect(ratio.message).toMatch(/packed more than 200 to 1/)
  })

  it('shared strings are kept compactly, looked up by index, and capped in count and bytes', () => {
    const store = new SharedStrings(3, 64)
    store.add('Bangkok')
    store.add('Quận 1')
    store.add('ส่งช้ามาก')
    expect([store.get(0), store.get(1), store.get(2), store.get(3), store.get(1.5), store.get(-1)]).toEqual(['Bangkok', 'Quận 1', 'ส่งช้ามาก', '', '', ''])
    expect(() => store.add('one too many')).toThrow(/more than 3 shared strings/)
    const small = new SharedStrings(100, 10)
    small.add('0123456789')
    expect(() => small.add('x')).toThrow(AppError)
  })

  it('a truncated workbook and a damaged part say the workbook is damaged', async () => {
    const good = zipBytes(workbookParts(sheetXml(header + inlineRow(2, ['2025-01-01', '9', 'ok']))))
    const cut = await refusal(write('cut.xlsx', good.subarray(0, Math.floor(good.length * 0.6))))
    expect(cut.problem).toBe('workbookDamaged')
    const parts: ZipPart[] = workbookParts(sheetXml(header))
    parts[parts.length - 1] = { name: 'xl/worksheets/sheet1.xml', data: '<worksheet><sheetData><row r="1"><c r="A1"</sheetData>', method: 'store' }
    const broken = await refusal(write('broken.xlsx', zipBytes(parts)))
    expect(broken.message).toMatch(/the sheet "Sheet1" is not well-formed XML/)
  })
})
