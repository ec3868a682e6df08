import { createReadStream, openSync, readSync, closeSync, fstatSync } from 'node:fs'
import { CsvParser } from '../csv/CsvParser'
import type { TableSource } from './tableSource'
import { bomOf, detectEncoding, streamDecoder, type DetectedEncoding, type TextEncoding } from './encoding'
import { detectDelimiter, type Delimiter } from './delimiter'

const SAMPLE_BYTES = 64 * 1024

export function readSample(path: string, bytes = SAMPLE_BYTES): { sample: Buffer; size: number } {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    const sample = Buffer.alloc(Math.min(bytes, size))
    readSync(fd, sample, 0, sample.length, 0)
    return { sample, size }
  } finally {
    closeSync(fd)
  }
}

export interface CsvSettings {
  encoding: TextEncoding
  delimiter: Delimiter
}

/** Encoding and delimiter of a CSV file, detected from its first 64 KB. */
export function detectCsvSettings(path: string): CsvSettings & { encodingCertain: boolean } {
  const { sample } = readSample(path)
  const enc: DetectedEncoding = detectEncoding(sample)
  const text = new TextDecoder(enc.encoding).decode(sample.subarray(enc.bomLength))
  return { encoding: enc.encoding, encodingCertain: enc.certain, delimiter: detectDelimiter(text) }
}

/** A CSV (or tab-separated text) file, streamed and decoded in 1 MB chunks. */
export function csvSource(path: string, settings: CsvSettings): TableSource {
  const { sample, size } = readSample(path, 4)
  const bom = bomOf(sample)
  const skip = bom && bom.encoding === settings.encoding ? bom.bomLength : 0
  return {
    kind: 'csv',
    totalBytes: size,
    async *batches(onBytes) {
      const parser = new CsvParser(settings.delimiter)
      const decoder = streamDecoder(settings.encoding)
      let bytesRead = 0
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, start: skip })) {
        const bytes = chunk as Buffer
        bytesRead += bytes.length
        const records = parser.push(decoder.decode(bytes))
        onBytes?.(bytesRead + skip)
        if (records.length) yield records
      }
      // The parser marks a record whose quote never closed; the mapper rejects it.
      const last = [...parser.push(decoder.end()), ...parser.end()]
      if (last.length) yield last
    },
  }
}
