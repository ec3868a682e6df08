import { constants, crc32, deflateRawSync } from 'node:zlib'

/**
 * A minimal zip writer for tests: builds hostile workbooks (zip bombs, lying headers, broken
 * archives) that no spreadsheet program would write. Only what yauzl needs: local headers, data,
 * the central directory and its end record (no zip64, no data descriptors).
 */
export interface ZipPart {
  name: string
  /** The part's bytes, deflated here; or `deflated`, built by `repeatedPart` without inflating it. */
  data?: Buffer | string
  deflated?: { bytes: Buffer; size: number; crc: number }
  /** Deflate (the default) or store. */
  method?: 'deflate' | 'store'
  /** Lie about the uncompressed size in both headers (a crafted archive). */
  declaredSize?: number
}

/** The archive's bytes. */
export function zipBytes(parts: ZipPart[]): Buffer {
  const out: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8')
    const raw = p.deflated ? null : typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : (p.data ?? Buffer.alloc(0))
    const store = p.method === 'store' && raw
    const body = p.deflated ? p.deflated.bytes : store ? raw : deflateRawSync(raw ?? Buffer.alloc(0))
    const size = p.deflated ? p.deflated.size : (raw as Buffer).length
    const crc = p.deflated ? p.deflated.crc : crc32(raw as Buffer)
    const declared = (p.declaredSize ?? size) >>> 0
    const method = store ? 0 : 8
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // names are UTF-8
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(declared, 22)
    local.writeUInt16LE(name.length, 26)
    out.push(local, name, body)
    const entry = Buffer.alloc(46)
    entry.writeUInt32LE(0x02014b50, 0)
    entry.writeUInt16LE(20, 4)
    entry.writeUInt16LE(20, 6)
    entry.writeUInt16LE(0x0800, 8)
    entry.writeUInt16LE(method, 10)
    entry.writeUInt32LE(crc, 16)
    entry.writeUInt32LE(body.length, 20)
    entry.writeUInt32LE(declared, 24)
    entry.writeUInt16LE(name.length, 28)
    entry.writeUInt32LE(offset, 42)
    central.push(entry, name)
    offset += 30 + name.length + body.length
  }
  const dir = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(dir.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...out, dir, end])
}

/**
 * A part of about `size` bytes — `head`, `unit` repeated, `tail` — deflated without ever holding it:
 * a block of units is deflated once with a full flush (which resets the compressor's history, so
 * the same input always gives the same bytes) and those bytes are repeated. A gigabyte fits in one
 * megabyte, as in a real zip bomb.
 */
export function repeatedPart(name: string, head: string, unit: string, size: number, tail: string): ZipPart {
  const full = { finishFlush: constants.Z_FULL_FLUSH }
  const u = Buffer.from(unit)
  const block = Buffer.alloc(Math.max(1, Math.floor((1 << 20) / u.length)) * u.length)
  for (let i = 0; i < block.length; i += u.length) u.copy(block, i)
  const headB = Buffer.from(head)
  const tailB = Buffer.from(tail)
  const blocks = Math.max(0, Math.floor((size - headB.length - tailB.length) / block.length))
  const blockDeflated = deflateRawSync(block, full)
  let crc = crc32(headB)
  for (let i = 0; i < blocks; i++) crc = crc32(block, crc)
  crc = crc32(tailB, crc)
  const bytes = Buffer.concat([deflateRawSync(headB, full), ...Array.from({ length: blocks }, () => blockDeflated), deflateRawSync(tailB)])
  return { name, deflated: { bytes, size: headB.length + blocks * block.length + tailB.length, crc } }
}

/** The parts every workbook needs around its first sheet; `sheet` and `shared` replace theirs. */
export function workbookParts(sheet: ZipPart | string, more: { shared?: ZipPart | string; styles?: string } = {}): ZipPart[] {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
  const part = (name: string, p: ZipPart | string): ZipPart => (typeof p === 'string' ? { name, data: p } : { ...p, name })
  return [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    ...(more.styles ? [{ name: 'xl/styles.xml', data: more.styles }] : []),
    ...(more.shared ? [part('xl/sharedStrings.xml', more.shared)] : []),
    part('xl/worksheets/sheet1.xml', sheet),
  ]
}

/** A sheet's XML around its rows. */
export const sheetXml = (rows: string) => `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`

/** A row of inline-string cells from A. */
export const inlineRow = (r: number, values: string[]) =>
  `<row r="${r}">${values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`
