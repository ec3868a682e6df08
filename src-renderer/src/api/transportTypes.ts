import type { RawInvoke } from '../../../src-shared/api/contract'
import type { AppEvent } from '../../../src-shared/api/events'
import type { FileRef } from '../../../src-shared/api/files'

/** What the renderer needs from wherever it runs: the desktop preload bridge, or the HTTP host. */
export interface Transport {
  kind: 'desktop' | 'web'
  invoke: RawInvoke
  subscribe(listener: (event: AppEvent) => void): () => void
  /** Browser only: send a file the user picked to the host; the desktop uses the native dialog instead. */
  upload?(file: File, onProgress?: (sent: number, total: number) => void): Promise<FileRef>
  /** Browser only: download a self-contained copy of the open workspace. */
  downloadWorkspaceCopy?(): Promise<void>
  /** Browser only: download a finished PDF report the host is holding (the desktop saves it where the user chose). */
  downloadReport?(downloadId: string): Promise<void>
  /** Browser only: download a finished data export (CSV, XLSX) the host is holding. */
  downloadExport?(downloadId: string): Promise<void>
}
