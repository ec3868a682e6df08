import { workbookTooLarge } from './limits'

/**
 * A workbook's shared strings, kept as UTF-8 in one growing buffer with their end offsets, not as
 * a million JavaScript strings: the text sits outside the reader's small V8 heap, at about the
 * size it had in the file, and both the count and the bytes are capped. A cell's text is decoded
 * when the cell is read.
 */
export class SharedStrings {
  private bytes = Buffer.alloc(64 * 1024)
  private ends = new Uint32Array(1024)
  private used = 0
  count = 0

  constructor(private readonly maxCount: number, private readonly maxBytes: number) {}

  add(text: string): void {
    const length = Buffer.byteLength(text, 'utf8')
    if (this.count >= this.maxCount || this.used + length > this.maxBytes) throw workbookTooLarge(`more than ${this.maxCount.toLocaleString('en-US')} shared strings or ${this.maxBytes / 2 ** 20} MB of their text`)
    if (this.used + length > this.bytes.length) {
      const grown = Buffer.alloc(Math.min(this.maxBytes, Math.max(this.bytes.length * 2, this.used + length)))
      this.bytes.copy(grown, 0, 0, this.used)
      this.bytes = grown
    }
    if (this.count === this.ends.length) {
      const grown = new Uint32Array(Math.min(this.maxCount, this.ends.length * 2))
      grown.set(this.ends)
      this.ends = grown
    }
    this.used += this.bytes.write(text, this.used, 'utf8')
    this.ends[this.count++] = this.used
  }

  /** The string at `index`, or '' for an index the table does not have (as Excel shows it). */
  get(index: number): string {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return ''
    const start = index === 0 ? 0 : this.ends[index - 1]
    return this.bytes.toString('utf8', start, this.ends[index])
  }
}
