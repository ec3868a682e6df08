import { crc32, deflateRawSync } from 'node:zlib'
import type { Random } from '../../../src-main/demo/random'
import { repeatedPart, zipBytes, type ZipPart } from '../zipWriter'
import type { SeedFile } from './seedFiles'

/*
 * A seeded file mutator for the robustness suite: the same seed gives the same file, so a failure
 * names a file that can be made again. Mutations act on bytes (any file), on text (CSV), and on a
 * workbook's parts before they are zipped (so a broken XML sits in a sound zip, or a sound XML in a
 * broken zip).
 */

export const byteMutations = ['bitFlips', 'truncate', 'insertBytes', 'deleteBytes', 'duplicateSpan'] as const
export const textMutations = ['quoteStorm', 'delimiterStorm', 'newlineStorm', 'bomMix', 'encodingMix', 'hugeField', 'valueSwap'] as const
export const workbookMutations = [
  'entryCorrupt',
  'entryReorder',
  'entryDrop',
  'entryDuplicate',
  'sizeLie',
  'xmlBroken',
  'xmlStorm',
  'sharedIndex',
  'styleId',
  'cellValues',
  'cellRef',
  'hugeCell',
  'inflateBomb',
] as const
export type Mutation = (typeof byteMutations)[number] | (typeof textMutations)[number] | (typeof workbookMutations)[number]
export const allMutations: readonly Mutation[] = [...byteMutations, ...textMutations, ...workbookMutations]

export interface MutatedFile {
  /** seed name, its mutations and the file's own seed: enough to make it again. */
  label: string
  ext: 'csv' | 'xlsx'
  importKind: SeedFile['importKind']
  bytes: Buffer
  mutations: Mutation[]
}

const int = (rnd: Random, min: number, max: number) => min + Math.floor(rnd.next() * (max - min + 1))
const splice = (b: Buffer, at: number, remove: number, insert: Buffer = Buffer.alloc(0)) => Buffer.concat([b.subarray(0, at), insert, b.subarray(at + remove)])
const randomBytes = (rnd: Random, n: number) => Buffer.from(Array.from({ length: n }, () => int(rnd, 0, 255)))

/** Inserts `make()` at `times` random places. */
function insertAt(b: Buffer, rnd: Random, times: number, make: () => Buffer): Buffer {
  let out = b
  for (let i = 0; i < times; i++) out = splice(out, int(rnd, 0, out.length), 0, make())
  return out
}

function byteMutation(kind: (typeof byteMutations)[number], b: Buffer, rnd: Random): Buffer {
  if (b.length === 0) return randomBytes(rnd, int(rnd, 1, 64))
  switch (kind) {
    case 'bitFlips': {
      const out = Buffer.from(b)
      for (let i = int(rnd, 1, 16); i > 0; i--) out[int(rnd, 0, out.length - 1)] ^= 1 << int(rnd, 0, 7)
      return out
    }
    case 'truncate':
      return b.subarray(0, int(rnd, 0, b.length - 1))
    case 'insertBytes':
      return insertAt(b, rnd, int(rnd, 1, 4), () => randomBytes(rnd, int(rnd, 1, 64)))
    case 'deleteBytes': {
      let out = b
      for (let i = int(rnd, 1, 4); i > 0 && out.length > 0; i--) {
        const at = int(rnd, 0, out.length - 1)
        out = splice(out, at, int(rnd, 1, Math.min(256, out.length - at)))
      }
      return out
    }
    case 'duplicateSpan': {
      const at = int(rnd, 0, b.length - 1)
      const span = b.subarray(at, at + int(rnd, 1, Math.min(4096, b.length - at)))
      // Now and then a span repeated many times over, as a copy-paste gone wrong.
      const copies = rnd.next() < 0.2 ? int(rnd, 50, 400) : 1
      return insertAt(b, rnd, int(rnd, 1, 3), () => Buffer.concat(Array.from({ length: copies }, () => span)))
    }
  }
}

/**
 * Values no survey should hold where a date, a score or a comment goes: impossible dates, numbers
 * out of every range, other digits, invisible and control characters, formulas, a comment over the
 * importer's 20,000 characters.
 */
const HOSTILE_VALUES = [
  '', ' ', '0', '-0', '11', '-1', '1e308', '1e-320', 'NaN', 'Infinity', '9'.repeat(30), '1,5', '٣', '१०', '１０', '9.5', ' 9 ',
  '2025-02-30', '31/02/2025', '0000-00-00', '9999-12-31T23:59:59Z', '2025-01-01T25:00', '1899-12-30', '-2025-01-01', '2025-W01', '13/13/13',
  '\u202e9', '😀', '\u0000', '\u0007', 'null', 'undefined', 'true', '=1+1', '<script>', 'ไม่อร่อย', 'Chậm', 'x'.repeat(25_000),
]

const BOMS = [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])]

function textMutation(kind: (typeof textMutations)[number], b: Buffer, rnd: Random, donors: Buffer[]): Buffer {
  const ascii = (s: string) => Buffer.from(s, 'latin1')
  switch (kind) {
    case 'quoteStorm':
      return insertAt(b, rnd, int(rnd, 1, 10), () => ascii('"'.repeat(rnd.next() < 0.7 ? int(rnd, 1, 3) : int(rnd, 4, 60))))
    case 'delimiterStorm': {
      // Rarely, more delimiters in a row than a spreadsheet has columns.
      if (rnd.next() < 0.1) return insertAt(b, rnd, 1, () => ascii(rnd.pick([',', ';', '\t']).repeat(17_000)))
      return insertAt(b, rnd, int(rnd, 1, 10), () => ascii(rnd.pick([',', ';', '\t', '|']).repeat(int(rnd, 1, 60))))
    }
    case 'newlineStorm': {
      const r = rnd.next()
      if (r < 0.15) return ascii(b.toString('latin1').replaceAll('\n', '\r'))
      if (r < 0.25) return ascii(b.toString('latin1').replace(/[\r\n]+/g, ''))
      return insertAt(b, rnd, int(rnd, 1, 10), () => Buffer.from(rnd.pick(['\n', '\r', '\r\n', '\n\r', '\u2028', '\u0085']).repeat(int(rnd, 1, 20)), 'utf8'))
    }
    case 'bomMix': {
      const r = rnd.next()
      if (r < 0.4) return Buffer.concat([rnd.pick(BOMS), b])
      if (r < 0.7) return insertAt(b, rnd, int(rnd, 1, 3), () => rnd.pick(BOMS))
      return Buffer.concat([rnd.pick(BOMS), rnd.pick(BOMS), b])
    }
    case 'encodingMix': {
      const text = b.toString('utf8')
      const r = rnd.next()
      if (r < 0.3) {
        // A stretch of the file saved again in another encoding.
        const at = int(rnd, 0, text.length)
        const end = Math.min(text.length, at + int(rnd, 1, 2000))
        return Buffer.concat([Buffer.from(text.slice(0, at), 'utf8'), Buffer.from(text.slice(at, end), rnd.pick(['utf16le', 'latin1'] as const)), Buffer.from(text.slice(end), 'utf8')])
      }
      if (r < 0.5) {
        // The whole file as UTF-16 with its BOM, and a UTF-8 stretch spliced into it.
        const wide = Buffer.concat([BOMS[1], Buffer.from(text, 'utf16le')])
        return splice(wide, int(rnd, 2, wide.length), 0, Buffer.from(text.slice(0, int(rnd, 1, 500)), 'utf8'))
      }
      // Bytes of another export (Windows code pages among them) spliced in.
      const donor = rnd.pick(donors)
      const at = int(rnd, 0, Math.max(0, donor.length - 1))
      return splice(b, int(rnd, 0, b.length), 0, donor.subarray(at, at + int(rnd, 1, 400)))
    }
    case 'valueSwap': {
      // Fields replaced by hostile values, the file's shape kept: the rows reach the mapping.
      let changed = false
      const text = b.toString('utf8').replace(/(^|[,;\t\n])([^,;\t\r\n"]*)/g, (m, lead: string) => {
        if (changed && rnd.next() > 0.15) return m
        changed = true
        const v = rnd.pick(HOSTILE_VALUES)
        return lead + (/[,;\t\r\n"]/.test(v) || rnd.next() < 0.3 ? `"${v.replaceAll('"', '""')}"` : v)
      })
      return Buffer.from(text, 'utf8')
    }
    case 'hugeField': {
      const size = rnd.next() < 0.6 ? rnd.pick([20_000, 200_000]) : rnd.pick([1_100_000, 4_300_000])
      const unit = rnd.pick(['x', 'Rất ngon ', 'ไม่อร่อย ', 'a,b', '""'])
      const body = unit.repeat(Math.ceil(size / unit.length))
      const r = rnd.next()
      const field = r < 0.4 ? body : r < 0.8 ? `"${body.replaceAll('"', '""')}"` : `"${body}`
      // At the start of a line, so it is a field of its own.
      const text = b.toString('utf8')
      const lines = [...text.matchAll(/\n/g)].map((m) => m.index + 1)
      const at = lines.length ? rnd.pick(lines) : 0
      return Buffer.concat([Buffer.from(text.slice(0, at), 'utf8'), Buffer.from(`${field},`, 'utf8'), Buffer.from(text.slice(at), 'utf8')])
    }
  }
}

const isXml = (p: ZipPart) => /\.(xml|rels)$/.test(p.name) && p.data !== undefined
const textOf = (p: ZipPart) => (typeof p.data === 'string' ? p.data : (p.data as Buffer).toString('utf8'))
const withText = (p: ZipPart, text: string): ZipPart => ({ name: p.name, data: Buffer.from(text, 'utf8') })
const sheetOf = (parts: ZipPart[]) => parts.findIndex((p) => /worksheets\/sheet1\.xml$/.test(p.name) && p.data !== undefined)

/** Replaces each match of `re` in one part's text, chosen with probability `p`, by `make()`. */
function rewrite(parts: ZipPart[], index: number, re: RegExp, rnd: Random, p: number, make: (m: string[]) => string): ZipPart[] {
  if (index < 0) return parts
  let changed = false
  const text = textOf(parts[index]).replace(re, (...m: string[]) => {
    if (rnd.next() >= p && changed) return m[0]
    changed = true
    return make(m)
  })
  return parts.map((q, i) => (i === index ? withText(q, text) : q))
}

function brokenXml(text: string, rnd: Random): string {
  const at = int(rnd, 0, text.length)
  const positions = (ch: string) => [...text.matchAll(new RegExp(ch, 'g'))].map((m) => m.index)
  switch (int(rnd, 0, 8)) {
    case 0: {
      const gts = positions('>')
      const i = gts.length ? rnd.pick(gts) : at
      return text.slice(0, i) + text.slice(i + 1)
    }
    case 1: {
      const lts = positions('<')
      const i = lts.length ? rnd.pick(lts) : at
      return text.slice(0, i) + text.slice(i + 1)
    }
    case 2:
      return text.slice(0, at) + rnd.pick(['<', '<x', '</', '<?', '<!--', ']]>', '&', '&bogus;', '&#0;', '&#x110000;']) + text.slice(at)
    case 3:
      return text.slice(0, at)
    case 4: {
      const closes = [...text.matchAll(/<\/[^>]+>/g)]
      if (!closes.length) return text + '<'
      const m = rnd.pick(closes)
      return text.slice(0, m.index) + (rnd.next() < 0.5 ? '' : '</wrong>') + text.slice(m.index + m[0].length)
    }
    case 5: {
      // Entities that expand (a "billion laughs"), declared in a DOCTYPE.
      const doctype = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
      const decl = /^<\?xml[^>]*\?>/.exec(text)?.[0] ?? ''
      return decl + doctype + text.slice(decl.length).replace(/<t>/, '<t>&c;')
    }
    case 6: {
      // Nested far deeper than a workbook needs, around the first element after the root.
      const i = text.indexOf('>', text.indexOf('<', text.indexOf('?>') + 2)) + 1
      const depth = int(rnd, 60, 200)
      return text.slice(0, i) + '<n>'.repeat(depth) + '</n>'.repeat(depth) + text.slice(i)
    }
    case 7:
      return text.slice(0, at) + '<![CDATA[' + 'z'.repeat(int(rnd, 1, 5000)) + (rnd.next() < 0.5 ? ']]>' : '') + text.slice(at)
    default:
      return text.replace(/"/, '').replace(/=/, '')
  }
}

function workbookMutation(kind: (typeof workbookMutations)[number], parts: ZipPart[], rnd: Random, donors: Buffer[]): ZipPart[] {
  const pick = () => int(rnd, 0, parts.length - 1)
  const xmlIndexes = parts.map((p, i) => (isXml(p) ? i : -1)).filter((i) => i >= 0)
  const pickXml = () => (xmlIndexes.length ? rnd.pick(xmlIndexes) : -1)
  switch (kind) {
    case 'entryCorrupt': {
      const i = pick()
      const p = parts[i]
      if (p.data === undefined) return parts
      const data = Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8')
      const deflated = deflateRawSync(data)
      const r = rnd.next()
      // Damaged compressed bytes, cut short, stored bytes claimed as deflated, or noise.
      const bytes = r < 0.4 ? byteMutation('bitFlips', deflated, rnd) : r < 0.6 ? deflated.subarray(0, int(rnd, 0, deflated.length)) : r < 0.8 ? data : randomBytes(rnd, int(rnd, 1, 512))
      return parts.map((q, j) => (j === i ? { name: p.name, deflated: { bytes, size: data.length, crc: crc32(data) } } : q))
    }
    case 'entryReorder': {
      const out = [...parts]
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(rnd, 0, i)
        ;[out[i], out[j]] = [out[j], out[i]]
      }
      return out
    }
    case 'entryDrop': {
      const i = pick()
      return parts.filter((_, j) => j !== i)
    }
    case 'entryDuplicate': {
      const p = parts[pick()]
      const copy: ZipPart = p.data !== undefined && rnd.next() < 0.5 ? { name: p.name, data: byteMutation('bitFlips', Buffer.from(p.data), rnd) } : p
      const out = [...parts]
      out.splice(int(rnd, 0, out.length), 0, copy)
      return out
    }
    case 'sizeLie': {
      const i = pick()
      const size = parts[i].data !== undefined ? Buffer.byteLength(parts[i].data as Buffer | string) : (parts[i].deflated?.size ?? 0)
      return parts.map((q, j) => (j === i ? { ...q, declaredSize: rnd.pick([0, 1, Math.max(0, size - 1), size + 1, size * 2, 0xffffffff]) } : q))
    }
    case 'xmlBroken': {
      const i = pickXml()
      return i < 0 ? parts : parts.map((q, j) => (j === i ? withText(q, brokenXml(textOf(q), rnd)) : q))
    }
    case 'xmlStorm': {
      const i = pickXml()
      if (i < 0) return parts
      const data = Buffer.from(parts[i].data as Buffer | string)
      const r = rnd.next()
      const mutated = r < 0.5 ? byteMutation(rnd.pick(byteMutations), data, rnd) : textMutation(rnd.pick(['quoteStorm', 'delimiterStorm', 'newlineStorm', 'bomMix', 'encodingMix'] as const), data, rnd, donors)
      return parts.map((q, j) => (j === i ? { name: q.name, data: mutated } : q))
    }
    case 'sharedIndex': {
      const bad = () => rnd.pick(['4294967296', '-1', '99999999', '1e9', 'abc', '2.5', '', 'NaN', '0x10', '9'.repeat(400)])
      let out = rewrite(parts, sheetOf(parts), /(t="s"[^>]*><v>)([^<]*)(<\/v>)/g, rnd, 0.3, (m) => m[1] + bad() + m[3])
      // Numbers made shared-string references.
      out = rewrite(out, sheetOf(out), /<c r="([A-Z]+\d+)"><v>/g, rnd, 0.3, (m) => `<c r="${m[1]}" t="s"><v>`)
      return out
    }
    case 'styleId': {
      const bad = () => rnd.pick(['65535', '-1', '99999999999', 'x', '1e400', '', '0.5', '4294967297'])
      let out = rewrite(parts, sheetOf(parts), /s="[^"]*"/g, rnd, 0.4, () => `s="${bad()}"`)
      out = rewrite(out, sheetOf(out), /<c r="([A-Z]+\d+)"/g, rnd, 0.2, (m) => `<c r="${m[1]}" s="${bad()}"`)
      const styles = out.findIndex((p) => p.name === 'xl/styles.xml' && p.data !== undefined)
      return rewrite(out, styles, /numFmtId="[^"]*"|formatCode="[^"]*"|count="[^"]*"/g, rnd, 0.5, (m) =>
        m[0].startsWith('numFmtId') ? `numFmtId="${bad()}"` : m[0].startsWith('count') ? `count="${bad()}"` : rnd.pick(['', 'formatCode=""', 'formatCode="[Red]"', 'formatCode="yyyy-mm-dd;@"']),
      )
    }
    case 'cellValues': {
      const xml = (v: string) => v.replaceAll('&', '&amp;').replaceAll('<', '&lt;')
      let out = rewrite(parts, sheetOf(parts), /<v>[^<]*<\/v>/g, rnd, 0.3, () => `<v>${xml(rnd.pick(HOSTILE_VALUES))}</v>`)
      out = rewrite(out, sheetOf(out), /<t>[^<]*<\/t>/g, rnd, 0.3, () => `<t>${xml(rnd.pick(HOSTILE_VALUES))}</t>`)
      // Cell types swapped: a number read as a shared string, an error, a date in ISO form, a type no spreadsheet writes.
      return rewrite(out, sheetOf(out), /t="[a-zA-Z]+"/g, rnd, 0.2, () => `t="${rnd.pick(['s', 'n', 'b', 'e', 'str', 'inlineStr', 'd', 'zz'])}"`)
    }
    case 'cellRef': {
      const badCell = () => rnd.pick(['ZZZZZZ2', 'XFD2', 'XFE2', 'A0', '', '1A', 'A'.repeat(40) + '1', 'a1', 'A99999999999', 'B-3', '$A$1'])
      const badRow = () => rnd.pick(['0', '-1', '1048577', '1048576', 'abc', '1e3', '2.5', '9'.repeat(25), ''])
      let out = rewrite(parts, sheetOf(parts), /<c r="[^"]*"/g, rnd, 0.2, () => `<c r="${badCell()}"`)
      out = rewrite(out, sheetOf(out), /<row r="[^"]*"/g, rnd, 0.2, () => `<row r="${badRow()}"`)
      return out
    }
    case 'hugeCell': {
      const r = rnd.next()
      if (r < 0.5) {
        const sheet = sheetOf(parts)
        const huge =
          r < 0.2
            ? `<c r="A2" t="inlineStr"><is><t>${'ấ'.repeat(40_000)}</t></is></c>`
            : r < 0.35
              ? Array.from({ length: 5_000 }, (_, c) => `<c r="${colName(c)}2"><v>${c}</v></c>`).join('')
              : `<c r="A2" t="inlineStr"><is><t>${'w'.repeat(1_200_000)}</t></is></c>`
        return rewrite(parts, sheet, /<row r="2"[^>]*>/g, rnd, 0, (m) => m[0] + huge)
      }
      const shared = parts.findIndex((p) => p.name === 'xl/sharedStrings.xml' && p.data !== undefined)
      return rewrite(parts, shared, /<si>/g, rnd, 0, (m) => `${m[0]}<t>${'ข'.repeat(int(rnd, 32_000, 40_000))}</t></si><si>`)
    }
    case 'inflateBomb': {
      const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
      const size = int(rnd, 300, 1200) * 2 ** 20
      const bomb =
        rnd.next() < 0.5
          ? repeatedPart('xl/sharedStrings.xml', `<?xml version="1.0"?><sst xmlns="${ns}">`, '<si><t>Hello world, a string</t></si>', size, '</sst>')
          : repeatedPart('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet xmlns="${ns}"><sheetData>`, '<row><c t="inlineStr"><is><t>boom</t></is></c></row>', size, '</sheetData></worksheet>')
      const lied = rnd.next() < 0.5 ? { ...bomb, declaredSize: rnd.pick([1 << 20, 1000, 0]) } : bomb
      return [...parts.filter((p) => p.name !== bomb.name), lied]
    }
  }
}

function colName(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

/**
 * One mutated file from a seed: one to three mutations, drawn from those that fit its type. A
 * workbook's part mutations are applied before it is zipped, its byte mutations after. `donors`
 * are other files' bytes, for splicing other encodings in.
 */
export function mutateFile(seed: SeedFile, rnd: Random, donors: Buffer[], label: string): MutatedFile {
  const count = int(rnd, 1, 3)
  const mutations: Mutation[] = []
  if (seed.type === 'csv') {
    let bytes = seed.bytes
    for (let i = 0; i < count; i++) {
      const kind = rnd.pick([...byteMutations, ...textMutations, ...textMutations])
      mutations.push(kind)
      bytes = (byteMutations as readonly string[]).includes(kind)
        ? byteMutation(kind as (typeof byteMutations)[number], bytes, rnd)
        : textMutation(kind as (typeof textMutations)[number], bytes, rnd, donors)
    }
    return { label: `${label} ${seed.name} ${mutations.join('+')}`, ext: 'csv', importKind: seed.importKind, bytes, mutations }
  }
  let parts = seed.parts
  const after: Array<(typeof byteMutations)[number]> = []
  for (let i = 0; i < count; i++) {
    if (rnd.next() < 0.75) {
      // Mutations of values leave the workbook readable, so more of its rows reach the mapping.
      const kind = rnd.pick([...workbookMutations, 'cellValues', 'cellValues', 'sharedIndex', 'styleId'] as const)
      mutations.push(kind)
      parts = workbookMutation(kind, parts, rnd, donors)
    } else {
      const kind = rnd.pick(byteMutations)
      mutations.push(kind)
      after.push(kind)
    }
  }
  let bytes = zipBytes(parts)
  for (const kind of after) bytes = byteMutation(kind, bytes, rnd)
  return { label: `${label} ${seed.name} ${mutations.join('+')}`, ext: 'xlsx', importKind: seed.importKind, bytes, mutations }
}
