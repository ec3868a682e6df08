import { writeFileSync } from 'node:fs'
import { seededRandom } from '../../../src-main/demo/random'
import { locations, themes, touchpoints } from '../../../src-main/demo/cafeContent'
import { repeatedPart, sheetXml, workbookParts, zipBytes } from '../../helpers/zipWriter'

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
const STYLES =
  '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>'

/**
 * A survey workbook as Excel writes one: a date in a date style, a score, a comment and a channel as
 * shared strings (half the comments unique), an e-mail as an inline string — or every text inline
 * (`inline`), as some exporters write. Deterministic, from the project's demo content.
 */
export function writeSurveyWorkbook(path: string, rows: number, { inline = false } = {}): void {
  const rnd = seededRandom(11)
  const shared: string[] = []
  const index = new Map<string, number>()
  const ref = (s: string) => {
    let i = index.get(s)
    if (i === undefined) {
      i = shared.length
      shared.push(s)
      index.set(s, i)
    }
    return i
  }
  const cell = (r: number, col: string, text: string) =>
    inline ? `<c r="${col}${r}" t="inlineStr"><is><t>${esc(text)}</t></is></c>` : `<c r="${col}${r}" t="s"><v>${ref(text)}</v></c>`
  const parts: string[] = [`<row r="1">${cell(1, 'A', 'Date')}${cell(1, 'B', 'How likely are you to recommend us?')}${cell(1, 'C', 'Comment')}${cell(1, 'D', 'Channel')}${cell(1, 'E', 'Email')}</row>`]
  const start = 45_292 // 2024-01-01
  for (let r = 2; r <= rows + 1; r++) {
    const tp = rnd.pick(touchpoints)
    const loc = rnd.pick(locations)
    const lang = loc.country === 'th' ? 'th' : loc.country === 'vn' ? 'vi' : 'en'
    const base = rnd.pick(rnd.pick(themes).text[lang])
    const comment = rnd.next() < 0.5 ? `${base} (#${r})` : base
    const serial = (start + rnd.next() * 700).toFixed(6)
    parts.push(
      `<row r="${r}"><c r="A${r}" s="1"><v>${serial}</v></c><c r="B${r}"><v>${Math.floor(rnd.next() * 11)}</v></c>${cell(r, 'C', comment)}${cell(r, 'D', tp.channel)}<c r="E${r}" t="inlineStr"><is><t>customer${r % 5000}@example.com</t></is></c></row>`,
    )
  }
  const sheet = sheetXml(parts.join(''))
  const sst = inline ? undefined : `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`
  writeFileSync(path, zipBytes(workbookParts(sheet, { styles: STYLES, ...(sst ? { shared: sst } : {}) })))
}

/** The issue's zip bomb: shared strings that inflate to a gigabyte, with honest or lying headers. */
export function writeBomb(path: string, { lying = false } = {}): void {
  const sst = repeatedPart('x', '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '<si><t>Hello world, a string</t></si>', 1 << 30, '</sst>')
  writeFileSync(path, zipBytes(workbookParts(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), { shared: lying ? { ...sst, declaredSize: 1 << 20 } : sst })))
}

/** The issue's 1.5 KB workbook with a cell in column ZZZZZZ. */
export function writeFarColumn(path: string): void {
  writeFileSync(path, zipBytes(workbookParts(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c></row><row r="2"><c r="ZZZZZZ2"><v>1</v></c></row>'))))
}
