import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { createInflateRaw } from 'node:zlib'
import type { Readable } from 'node:stream'
import { isAppError } from '../../../src-shared/api/result'
import { workbookDamaged, workbookTooLarge, type Limits } from './limits'

/**
 * A workbook's zip, read with bounds. The sizes a zip's headers declare are only used to refuse
 * early: every byte is counted as it comes out of the decompressor (which this module runs itself,
 * on the raw data), against a cap per part, a cap for the whole pass, and a ratio of inflated to
 * compressed bytes — so a zip bomb is stopped after a few megabytes whatever its headers say.
 */
export interface WorkbookZip {
  zip: ZipFile
  /** Entries by path, without a leading slash. */
  entries: Map<string, Entry>
  /** Inflated bytes counted so far on this pass (all parts). */
  inflated: number
  limits: Limits
  close(): void
}

const open = (path: string) =>
  new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (e, z) => (e || !z ? reject(e ?? new Error('no zip')) : resolve(z))),
  )

/** Opens the zip and lists its entries; fails (as yauzl reports it) when the file is not a readable zip. */
export async function openWorkbookZip(path: string, limits: Limits): Promise<WorkbookZip> {
  const zip = await open(path)
  try {
    if (zip.entryCount > limits.zipEntries) throw workbookTooLarge(`${zip.entryCount.toLocaleString('en-US')} files in the archive`)
    const entries = new Map<string, Entry>()
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: Entry) => {
        entries.set(e.fileName.replace(/^\//, ''), e)
        zip.readEntry()
      })
      zip.on('end', () => resolve())
      zip.on('error', reject)
      zip.readEntry()
    })
    return { zip, entries, inflated: 0, limits, close: () => zip.close() }
  } catch (e) {
    zip.close()
    throw e
  }
}

const rawStream = (zip: ZipFile, entry: Entry) =>
  new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, { decodeFileData: false }, (e, s) => (e || !s ? reject(e ?? new Error('no stream')) : resolve(s))))

export interface PartChunk {
  bytes: Buffer
  /** Compressed bytes of this part consumed so far: how far into the file reading has got. */
  compressedSoFar: number
}

/**
 * The inflated bytes of one part, a chunk at a time, each counted against `cap`, the pass's total
 * and the ratio. Stopping early (a `break` in the consumer) releases the streams.
 */
export async function* partChunks(wz: WorkbookZip, entry: Entry, cap: number, label: string): AsyncGenerator<PartChunk> {
  const { limits } = wz
  if (entry.uncompressedSize > cap || wz.inflated + entry.uncompressedSize > limits.totalBytes) throw workbookTooLarge(label)
  if (entry.isEncrypted()) throw workbookDamaged(`${label} is encrypted`)
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw workbookDamaged(`${label} uses compression method ${entry.compressionMethod}, which spreadsheets do not`)
  const raw = await rawStream(wz.zip, entry)
  let compressed = 0
  raw.on('data', (b: Buffer) => (compressed += b.length))
  let source: Readable = raw
  if (entry.compressionMethod === 8) {
    const inflate = createInflateRaw()
    raw.on('error', (e) => inflate.destroy(e))
    source = raw.pipe(inflate)
  }
  let inflated = 0
  try {
    for await (const chunk of source) {
      const bytes = chunk as Buffer
      inflated += bytes.length
      wz.inflated += bytes.length
      if (inflated > cap || wz.inflated > limits.totalBytes) throw workbookTooLarge(label)
      if (inflated > limits.ratioFloorBytes && inflated > limits.ratio * Math.max(1, compressed)) throw workbookTooLarge(`${label}, packed more than ${limits.ratio} to 1`)
      if (inflated > entry.uncompressedSize) throw workbookDamaged(`${label} holds more than its header says`)
      yield { bytes, compressedSoFar: compressed }
    }
  } catch (e) {
    if (isAppError(e)) throw e
    if ((e as { code?: string }).code?.startsWith('Z_') || /unexpected end|invalid|incorrect/i.test((e as Error).message ?? ''))
      throw workbookDamaged(`${label} cannot be unpacked: ${(e as Error).message}`)
    throw e
  } finally {
    raw.destroy()
    if (source !== raw) source.destroy()
  }
  if (inflated !== entry.uncompressedSize) throw workbookDamaged(`${label} is shorter than its header says`)
}
