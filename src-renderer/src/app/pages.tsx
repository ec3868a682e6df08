import type { ComponentType } from 'react'
import type { WorkspaceInfo } from '../../../src-shared/api/workspace'
import type { MessageKey } from '../../../src-shared/i18n/en'
import { OverviewPage } from '../features/scores/OverviewPage'
import { ScoresPage } from '../features/scores/ScoresPage'
import { ScoreSettingsPage } from '../features/settings/ScoreSettingsPage'

export interface PageProps {
  workspace: WorkspaceInfo
  params: URLSearchParams
}

/** The pages of the app, in navigation order. Each feature adds its page here. */
export const pages: ReadonlyArray<{ id: string; label: MessageKey; component: ComponentType<PageProps> }> = [
  { id: 'overview', label: 'nav.overview', component: OverviewPage },
  { id: 'scores', label: 'nav.scores', component: ScoresPage },
  { id: 'score-settings', label: 'nav.scoreSettings', component: ScoreSettingsPage },
]
