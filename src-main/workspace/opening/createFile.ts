import { existsSync, renameSync, rmSync } from 'node:fs'
import { buildWorkspaceFile } from '../../db/connect'
import { cancelledError } from '../../db/migrate'
import { AppError, isAppError } from '../../../src-shared/api/result'
import type { JobControl } from '../../workers/protocol'
import type { CreateFileRequest, OpeningResult, StageProgress } from './job'
import { fillNewWorkspace } from './fillNewWorkspace'

/**
 * Builds a new workspace under a temporary name (schema, then fillNewWorkspace: settings, default
 * questions, lexicon, and the demo's data when asked) and renames it into place once whole: a cancel
 * or a failure leaves nothing behind. Derived data is brought up to date here, so the first open has
 * nothing to do.
 */
export async function createWorkspaceFileJob(req: CreateFileRequest, control: JobControl<StageProgress>): Promise<OpeningResult> {
  const stop = () => {
    if (control.isCancelled()) throw cancelledError()
  }
  control.progress({ stage: 'creating', done: 0, total: 0 })
  rmSync(req.tmpPath, { force: true })
  try {
    await buildWorkspaceFile(
      req.tmpPath,
      (fresh) => fillNewWorkspace(fresh, req, control),
      { nativeBinding: req.nativeBinding, appVersion: req.appVersion, now: req.now, isCancelled: control.isCancelled },
    )
    stop()
    if (existsSync(req.path)) throw new AppError('FILE_EXISTS', `A file already exists at ${req.path}.`, { path: req.path })
    renameSync(req.tmpPath, req.path)
  } catch (e) {
    rmSync(req.tmpPath, { force: true })
    if (isAppError(e) && e.code === 'CANCELLED') throw new AppError('CANCELLED', `Creating ${req.name} was cancelled. Nothing was created.`, { path: req.path })
    throw e
  }
  return { applied: [], backupPath: null }
}
