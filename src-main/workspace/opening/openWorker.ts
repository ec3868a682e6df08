/**
 * The open-time work on a large workspace (SQLite's check, the backup, migrations, derived data),
 * in a worker thread with its own connections, so the app keeps answering and painting meanwhile.
 * Started through src-main/workers (bundled as out/main/openWorker.js for the desktop app).
 */
import { serveJob } from '../../workers/serveJob'
import type { OpeningRequest, OpeningResult, StageProgress } from './job'
import { runOpeningJob } from './runJob'

serveJob<OpeningRequest, StageProgress, OpeningResult>(runOpeningJob, 'INTERNAL')
