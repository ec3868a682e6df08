import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import yauzl from 'yauzl'
import type { ImportKind } from '../../../src-shared/api/imports'
import { seededRandom } from '../../../src-main/demo/random'
import { writeFeedbackCsv } from '../../bench/writeFeedbackCsv'
import { sheetXml, workbookParts, zipBytes, type ZipPart } from '../zipWriter'

const FIXTURES = join(__dirname, '..', '..', 'fixtures')

/** A file the mutator starts from: a text file's bytes, or a workbook's parts (mutated before they are zipped). */
export type SeedFile =
  | { name: string; type: 'csv'; importKind: ImportKind; bytes: Buffer }
  | { name: string; type: 'xlsx'; importKind: ImportKind; parts: ZipPart[] }

/** A zip's entries with their inflated bytes, in archive order. */
export function readZipParts(bytes: Buffer): Promise<ZipPart[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'))
      const parts: ZipPart[] = []
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'))
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => {
            parts.push({ name: entry.fileName, data: Buffer.concat(chunks) })
            zip.readEntry()
          })
          stream.on('error', reject)
        }),
      )
      zip.on('end', () => resolve(parts))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const xmlText = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

/**
 * A workbook as spreadsheet programs write one: shared strings for the header and comments, dates as
 * serial numbers in date styles (a built-in and a custom format), numbers, an inline string, a row
 * left out, and a second score column.
 */
function generatedWorkbook(rows: number, seed: number): ZipPart[] {
  const rnd = seededRandom(seed)
  const strings = ['Submitted', 'NPS', 'CSAT', 'Comment', 'Store', 'Rất ngon', 'รอนานมาก', 'Great coffee, slow service', 'Quận 1', 'Sukhumvit', 'Online']
  const s = (i: number) => `<c r="%" t="s"><v>${i}</v></c>`
  const cell = (ref: string, xml: string) => xml.replace('%', ref)
  let body = `<row r="1">${[0, 1, 2, 3, 4].map((i, c) => cell(`${'ABCDE'[c]}1`, s(i))).join('')}</row>`
  for (let r = 2; r <= rows + 1; r++) {
    if (rnd.next() < 0.05) continue
    const serial = 45_300 + Math.floor(rnd.next() * 400) + (rnd.next() < 0.5 ? Math.round(rnd.next() * 96) / 96 : 0)
    const style = serial % 1 === 0 ? 2 : 1
    const comment = rnd.next() < 0.3 ? `<c r="D${r}" t="inlineStr"><is><t>${xmlText(`ghi chú ${r} & <ok>`)}</t></is></c>` : cell(`D${r}`, s(5 + Math.floor(rnd.next() * 3)))
    body +=
      `<row r="${r}"><c r="A${r}" s="${style}"><v>${serial}</v></c><c r="B${r}"><v>${Math.floor(rnd.next() * 11)}</v></c>` +
      (rnd.next() < 0.7 ? `<c r="C${r}"><v>${1 + Math.floor(rnd.next() * 5)}</v></c>` : '') +
      `${comment}${cell(`E${r}`, s(8 + Math.floor(rnd.next() * 3)))}</row>`
  }
  const shared = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${xmlText(t)}</t></si>`).join('')}</sst>`
  const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="22"/><xf numFmtId="164"/></cellXfs></styleSheet>`
  return workbookParts(sheetXml(body), { shared, styles }).map((p) => ({ name: p.name, data: Buffer.from(p.data as string) }))
}

/** A semicolon-separated export with Vietnamese headers and day/month dates, as Excel writes one in Vietnam. */
function semicolonCsv(rows: number, seed: number): Buffer {
  const rnd = seededRandom(seed)
  const comments = ['Ngon', 'Chậm quá; chờ 20 phút', 'Nhân viên "dễ thương"', '', 'Giá hơi cao\nnhưng ổn']
  const q = (v: string) => (/[;"\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
  let text = 'Ngày;Điểm;Góp ý;Cửa hàng\r\n'
  for (let i = 0; i < rows; i++)
    text += `${1 + Math.floor(rnd.next() * 28)}/${1 + Math.floor(rnd.next() * 12)}/2025;${Math.floor(rnd.next() * 11)};${q(rnd.pick(comments))};${rnd.pick(['Quận 1', 'Hoàn Kiếm'])}\r\n`
  return Buffer.from(text, 'utf8')
}

/**
 * The files mutations start from: the survey tools' exports in tests/fixtures/exports (CSV in
 * UTF-8 and Windows code pages, and the .xlsx), the generator's 400 rows, and small generated
 * ones — the generator's format, a semicolon export and a workbook built with the zip writer.
 */
export async function seedFiles(dir: string): Promise<SeedFile[]> {
  const exports = join(FIXTURES, 'exports')
  const seeds: SeedFile[] = readdirSync(exports)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => ({ name: f, type: 'csv', importKind: f.startsWith('crm-') ? 'customers' : 'responses', bytes: readFileSync(join(exports, f)) }))
  seeds.push({ name: 'survey.xlsx', type: 'xlsx', importKind: 'responses', parts: await readZipParts(readFileSync(join(exports, 'survey.xlsx'))) })
  seeds.push({ name: 'generator-400.csv', type: 'csv', importKind: 'responses', bytes: readFileSync(join(FIXTURES, 'generator-400.csv')) })
  const generated = join(dir, 'generated-150.csv')
  await writeFeedbackCsv(generated, 150, 11)
  seeds.push({ name: 'generated-150.csv', type: 'csv', importKind: 'responses', bytes: readFileSync(generated) })
  seeds.push({ name: 'semicolon.csv', type: 'csv', importKind: 'responses', bytes: semicolonCsv(80, 5) })
  seeds.push({ name: 'generated.xlsx', type: 'xlsx', importKind: 'responses', parts: generatedWorkbook(120, 3) })
  return seeds
}

/** The seed's bytes as they are, unmutated. */
export const seedBytes = (s: SeedFile): Buffer => (s.type === 'csv' ? s.bytes : zipBytes(s.parts))
