import { randomBytes } from 'node:crypto'
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import type { FileRef } from '../../src-shared/api/files'
import { AppError } from '../../src-shared/api/result'

interface Entry extends FileRef {
  path: string
}

/**
 * Files the user chose or uploaded, known by opaque ids. The renderer names files by id, so a
 * compromised page cannot ask the main process to read an arbitrary path.
 */
export class FileRegistry {
  private entries = new Map<string, Entry>()

  register(path: string, displayName = basename(path)): FileRef {
    const size = statSync(path).size
    const id = randomBytes(12).toString('base64url')
    this.entries.set(id, { id, name: displayName, size, path })
    return { id, name: displayName, size }
  }

  resolve(id: string): Entry {
    const entry = this.entries.get(id)
    if (!entry) throw new AppError('NOT_FOUND', 'That file is no longer available; choose it again.')
    return entry
  }
}
