import { EventBus } from '../../src-main/common/events'
import { WorkspaceSession } from '../../src-main/workspace/workspaceSession'
import type { OpenWorkspace } from '../../src-main/db/openWorkspace'
import { fakeClock } from './clock'

/**
 * A fresh workspace in memory, made by the app's own code for a new workspace (migrations, settings,
 * default questions, lexicon, derived data: WorkspaceSession.createInMemory), in a fixed zone.
 */
export async function freshWorkspace(timezone = 'Asia/Bangkok'): Promise<OpenWorkspace> {
  const session = new WorkspaceSession({ clock: fakeClock(), events: new EventBus(), sqlite: {}, prefs: null, defaultTimezone: timezone, openInWorker: false })
  await session.createInMemory({ name: 'Test', timezone })
  return session.require()
}
