import type { WorkspaceDb } from '../../db/connect'
import { cancelledError } from '../../db/migrate'
import { writeMeta } from '../../db/meta'
import { insertQuestions } from '../../db/questions'
import { localDateConverter } from '../../../src-shared/domain/timezone'
import { defaultQuestions } from '../defaultQuestions'
import { ensureDerivedData, seedLexicon } from '../../feedback/derivedData'
import type { StageProgress } from './job'
import { seeds, type SeedName } from './seeds'

export interface NewWorkspaceSettings {
  name: string
  timezone: string
  isDemo: boolean
  seed: SeedName | null
  now: number
}

/**
 * What every new workspace gets once migrated: settings, default questions, lexicon, the seed's data
 * when asked, and derived data brought up to date. One function for a file and for a workspace in
 * memory (tests), so both start from the same state.
 */
export async function fillNewWorkspace(
  fresh: WorkspaceDb,
  s: NewWorkspaceSettings,
  control: { isCancelled: () => boolean; progress: (p: StageProgress) => void } = { isCancelled: () => false, progress: () => {} },
): Promise<void> {
  const stop = () => {
    if (control.isCancelled()) throw cancelledError()
  }
  await writeMeta(fresh.db, { name: s.name, timezone: s.timezone, created_at: String(s.now), is_demo: s.isDemo ? '1' : '0' })
  await insertQuestions(fresh.db, defaultQuestions)
  seedLexicon(fresh.sqlite)
  stop()
  if (s.seed) await seeds[s.seed](fresh, { localDateOf: localDateConverter(s.timezone), now: s.now })
  stop()
  ensureDerivedData(fresh.sqlite, { isCancelled: control.isCancelled, onProgress: (p) => control.progress({ stage: 'creating', ...p }) })
}
