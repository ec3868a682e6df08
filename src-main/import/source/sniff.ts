import { bomOf } from './encoding'

export type FileLooks = 'zip' | 'ole' | 'text' | 'binary'

/**
 * What a file's first bytes say it is. A zip may be a workbook; an OLE compound file is an Excel
 * 97–2003 workbook or an encrypted (password-protected) .xlsx. Text in any encoding the importer reads
 * has no NUL byte (UTF-16 is recognised by its BOM) and hardly any other control characters; an
 * executable, an image, a PDF or an archive has them within its first kilobytes. So a binary file
 * renamed .csv is refused instead of being mapped as columns of garbage.
 */
export function sniff(sample: Uint8Array): FileLooks {
  if (sample[0] === 0x50 && sample[1] === 0x4b && (sample[2] === 0x03 || sample[2] === 0x05) && (sample[3] === 0x04 || sample[3] === 0x06)) return 'zip'
  if (sample[0] === 0xd0 && sample[1] === 0xcf && sample[2] === 0x11 && sample[3] === 0xe0) return 'ole'
  const bom = bomOf(sample)
  if (bom && bom.encoding !== 'utf-8') return 'text'
  let controls = 0
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]
    if (b === 0) return 'binary'
    // Tab, line feed, vertical tab, form feed, carriage return and the old end-of-file mark (0x1a) occur in real exports.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a) controls++
    else if (b === 0x7f) controls++
  }
  // A stray control character or two is a damaged row, not a binary file.
  return controls > 8 && controls * 100 > sample.length ? 'binary' : 'text'
}
