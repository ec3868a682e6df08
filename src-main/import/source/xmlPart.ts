import type { Entry } from 'yauzl'
import { SaxesParser } from 'saxes'
import { isAppError } from '../../../src-shared/api/result'
import { workbookDamaged } from './limits'
import { partChunks, type WorkbookZip } from './zipParts'

export type XmlHandlers = {
  open?: (name: string, attrs: Record<string, string>) => void
  text?: (text: string) => void
  close?: (name: string) => void
}

/** Text is handed to the XML parser in slices of at most this many characters. */
const SLICE = 64 * 1024

/**
 * Streams one XML part of the workbook through saxes; handlers see local names (prefixes dropped).
 * Besides the zip's byte caps, two bounds keep saxes' own buffers small whatever the part holds:
 * the characters since the last `<` (a text node, or a tag with its attributes, cannot be longer)
 * and how deeply elements nest. `onChunk` gets the compressed bytes read so far and may wait.
 */
export async function parseXmlPart(
  wz: WorkbookZip,
  entry: Entry | undefined,
  cap: number,
  label: string,
  h: XmlHandlers,
  onChunk?: (compressedSoFar: number) => void | Promise<void>,
): Promise<void> {
  if (!entry) return
  const { xmlRunChars, xmlDepth } = wz.limits
  const parser = new SaxesParser()
  const local = (n: string) => n.slice(n.indexOf(':') + 1)
  let depth = 0
  parser.on('opentag', (t) => {
    if (++depth > xmlDepth) throw workbookDamaged(`${label} nests elements more than ${xmlDepth} deep`)
    h.open?.(local(t.name), t.attributes as Record<string, string>)
  })
  if (h.text) parser.on('text', (t) => h.text?.(t))
  parser.on('closetag', (t) => {
    depth--
    h.close?.(local(t.name))
  })
  const decoder = new TextDecoder('utf-8')
  let run = 0
  const write = (text: string) => {
    for (let at = 0; at < text.length; at += SLICE) {
      const slice = at === 0 && text.length <= SLICE ? text : text.slice(at, at + SLICE)
      const first = slice.indexOf('<')
      if (first === -1) run += slice.length
      else {
        if (run + first > xmlRunChars) break
        run = slice.length - 1 - slice.lastIndexOf('<')
      }
      if (run > xmlRunChars) break
      parser.write(slice)
    }
    if (run > xmlRunChars) throw workbookDamaged(`${label} has more than ${xmlRunChars.toLocaleString('en-US')} characters without markup`)
  }
  try {
    for await (const chunk of partChunks(wz, entry, cap, label)) {
      write(decoder.decode(chunk.bytes, { stream: true }))
      await onChunk?.(chunk.compressedSoFar)
    }
    write(decoder.decode())
    parser.close()
  } catch (e) {
    if (isAppError(e)) throw e
    // saxes reports malformed XML as "line:column: what"; say which part it is.
    if (e instanceof Error && /^\d+:\d+: /.test(e.message)) throw workbookDamaged(`${label} is not well-formed XML (line ${e.message.replace(/^(\d+):(\d+): /, '$1, column $2: ')})`)
    throw e
  }
}
