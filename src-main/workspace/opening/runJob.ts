import type { JobControl } from '../../workers/protocol'
import { createWorkspaceFileJob } from './createFile'
import type { OpeningRequest, OpeningResult, StageProgress } from './job'
import { prepareWorkspaceFile } from './prepareFile'

/** One opening or creation, in whichever thread runs it. */
export function runOpeningJob(req: OpeningRequest, control: JobControl<StageProgress>): Promise<OpeningResult> {
  return req.kind === 'open' ? prepareWorkspaceFile(req, control) : createWorkspaceFileJob(req, control)
}
