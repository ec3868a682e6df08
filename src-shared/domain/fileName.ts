/**
 * A name made safe as a file name on Windows, macOS and Linux: control characters and the ones
 * Windows refuses become spaces, runs of spaces one, no leading dot (a hidden file on Unix), at most
 * `maxLength` characters. The one sanitiser of the app (workspace files, report PDFs, chart and
 * journey images); empty when nothing is left, so each caller says what an empty name means.
 */
export function cleanFileName(name: string, maxLength: number): string {
  return [...name]
    .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, maxLength)
    .trim()
}
