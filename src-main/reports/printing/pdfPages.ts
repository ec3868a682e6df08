/**
 * The number of pages in a PDF that Chromium wrote (its page objects are plain, not inside
 * compressed object streams); null when none can be found.
 */
export function pdfPageCount(pdf: Uint8Array): number | null {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  const n = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
  return n > 0 ? n : null
}
