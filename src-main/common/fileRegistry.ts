import { randomBytes } from 'node:crypto'
import { statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { FileRef } from '../../src-shared/api/files'
import { AppError } from '../../src-shared/api/result'

/** What a destination may be written as: a new workspace, a copy of the open one, a PDF report, a data export (a file, or a folder of CSV files). */
export type WriteTarget = 'newWorkspace' | 'workspaceCopy' | 'reportPdf' | 'dataExport' | 'exportFolder'

/** What a reference may be used for. A reference is valid for its own purpose only. */
export type FilePurpose = 'import' | 'workspace' | WriteTarget

interface Entry {
  purpose: FilePurpose
  path: string
  name: string
  size: number
}

const GONE = 'That file is no longer available; choose it again.'

/**
 * Files the user chose, known by opaque ids. Requests name files by id only, so neither the renderer
 * nor the web transport can make the main process read or write a path the user did not pick: every
 * id here was made by the platform (a native dialog, an upload, a command-line argument, a test's
 * registration) or by the main process itself (the user's recent files and the workspaces folder).
 * An unknown id and an id used for another purpose get the same answer, so ids cannot be probed.
 */
export class FileRegistry {
  private entries = new Map<string, Entry>()
  /** Workspaces keep one id per path, so listing them again and again neither grows this nor changes ids under the page. */
  private workspaceIds = new Map<string, string>()

  /** A file to import (dialog, upload, CLI argument); it must exist. */
  register(path: string, displayName = basename(path)): FileRef {
    const size = statSync(path).size
    const id = this.add({ purpose: 'import', path, name: displayName, size })
    return { id, name: displayName, size }
  }

  /** A workspace file to open: one the main process listed (recent, workspaces folder), the CLI was given, or a test made. */
  registerWorkspace(path: string): string {
    const full = resolve(path)
    const known = this.workspaceIds.get(full)
    if (known) return known
    const id = this.add({ purpose: 'workspace', path: full, name: basename(full), size: 0 })
    this.workspaceIds.set(full, id)
    return id
  }

  /**
   * A file to write that the user named outside the page (a command-line argument, a test); it may
   * not exist yet. Good for one write of its kind: a second use must be chosen again.
   */
  registerDestination(path: string, target: WriteTarget): string {
    return this.add({ purpose: target, path: resolve(path), name: basename(path), size: 0 })
  }

  /** The file to import behind an id. */
  resolve(id: string): FileRef & { path: string } {
    const { path, name, size } = this.lookup(id, 'import')
    return { id, name, size, path }
  }

  /** The workspace file behind an id. */
  resolveWorkspace(id: string): string {
    return this.lookup(id, 'workspace').path
  }

  /** The destination behind an id, which is used up by this call. */
  takeDestination(id: string, target: WriteTarget): string {
    const { path } = this.lookup(id, target)
    this.entries.delete(id)
    return path
  }

  private lookup(id: string, purpose: FilePurpose): Entry {
    const entry = this.entries.get(id)
    if (!entry || entry.purpose !== purpose) throw new AppError('NOT_FOUND', GONE)
    return entry
  }

  private add(entry: Entry): string {
    // 16 bytes: unguessable, and within the contract's opaque-id pattern.
    const id = randomBytes(16).toString('base64url')
    this.entries.set(id, entry)
    return id
  }
}
