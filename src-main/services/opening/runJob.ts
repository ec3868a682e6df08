import type { JobControl } from '../../workers/protocol'
import type { OpeningRequest, OpeningResult, StageProgress } from './job'
import { prepareWorkspaceFile } from './prepareFile'

/** One opening or creation, in whichever thread runs it. */
export async function runOpeningJob(req: OpeningRequest, control: JobControl<StageProgress>): Promise<OpeningResult> {
  if (req.kind === 'open') return prepareWorkspaceFile(req, control)
  // Loaded when needed: the demo's content is most of what a worker that only opens files would load.
  const { createWorkspaceFileJob } = await import('./createFile')
  return createWorkspaceFileJob(req, control)
}
