/**
 * Which text encoding a file is in. UTF-8 (with or without BOM) and UTF-16 (Excel's "Unicode text")
 * are recognised for sure; otherwise the file is one of the legacy Windows code pages Excel uses in
 * Vietnam (Windows-1258) and Thailand (Windows-874, a superset of TIS-620), told apart by which
 * decoding gives well-formed text.
 */
import type { TextEncoding } from '../../../src-shared/api/imports'

export type { TextEncoding }

export interface DetectedEncoding {
  encoding: TextEncoding
  /** Bytes to skip at the start (a byte order mark). */
  bomLength: number
  /** True when the bytes prove it (BOM, valid UTF-8); false when it is the best guess among code pages. */
  certain: boolean
}

export function bomOf(bytes: Uint8Array): DetectedEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, certain: true }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, certain: true }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, certain: true }
  return null
}

/** Valid UTF-8, allowing a sequence cut at the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
    return true
  } catch {
    return false
  }
}

const THAI_CONSONANT = /[\u0e01-\u0e2e]/
const THAI_ABOVE_BELOW = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/
const VI_TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/
const LATIN_VOWEL = /[aeiouyâăêôơưAEIOUYÂĂÊÔƠƯ]/

/** How plausible a decoding is: well-placed Thai marks and Vietnamese tone marks score, misplaced ones cost. */
function plausibility(text: string, encoding: 'windows-874' | 'windows-1258'): number {
  let score = 0
  for (let i = 1; i < text.length; i++) {
    const c = text[i]
    const prev = text[i - 1]
    if (encoding === 'windows-874') {
      if (THAI_ABOVE_BELOW.test(c)) score += THAI_CONSONANT.test(prev) || THAI_ABOVE_BELOW.test(prev) ? 1 : -3
      else if (THAI_CONSONANT.test(c)) score += 0.2
    } else if (VI_TONE_MARK.test(c)) score += LATIN_VOWEL.test(prev) ? 1 : -3
    else if (/[ăâđêôơưĂÂĐÊÔƠƯ]/.test(c)) score += 0.5
  }
  return score
}

/** Detects the encoding from the first bytes of a file (64 KB is plenty). */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  const bom = bomOf(sample)
  if (bom) return bom
  if (isUtf8(sample)) return { encoding: 'utf-8', bomLength: 0, certain: true }
  const thai = plausibility(new TextDecoder('windows-874').decode(sample), 'windows-874')
  const vi = plausibility(new TextDecoder('windows-1258').decode(sample), 'windows-1258')
  if (thai <= 0 && vi <= 0) return { encoding: 'windows-1252', bomLength: 0, certain: false }
  return { encoding: thai >= vi ? 'windows-874' : 'windows-1258', bomLength: 0, certain: false }
}

/**
 * A streaming decoder. Windows-1258 writes Vietnamese with combining tone marks; text is brought to
 * NFC so "ệ" compares equal however it was typed. A chunk may end between a letter and its mark, so
 * the last character waits for the next chunk before normalising.
 */
export function streamDecoder(encoding: TextEncoding): { decode(bytes: Uint8Array): string; end(): string } {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' })
  let carry = ''
  const norm = (s: string) => (encoding === 'windows-1258' ? s.normalize('NFC') : s)
  return {
    decode(bytes) {
      const text = carry + decoder.decode(bytes, { stream: true })
      if (encoding !== 'windows-1258' || text.length === 0) {
        carry = ''
        return text
      }
      carry = text.slice(-1)
      return norm(text.slice(0, -1))
    },
    end() {
      const text = norm(carry + decoder.decode())
      carry = ''
      return text
    },
  }
}
