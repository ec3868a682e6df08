import type { ComponentType } from 'react'
import type { MessageKey } from '../../../src-shared/i18n/en'
import { OverviewPage } from '../features/metrics/OverviewPage'
import { ScoresPage } from '../features/metrics/ScoresPage'
import { InboxPage } from '../features/feedback/InboxPage'
import { ThemesPage } from '../features/feedback/themes/ThemesPage'
import { JourneysPage } from '../features/journeys/JourneysPage'
import { ImportPage } from '../features/import/ImportPage'
import { ReportsPage } from '../features/reports/ReportsPage'
import { CustomersPage } from '../features/customers/CustomersPage'
import { ScoreSettingsPage } from '../features/settings/ScoreSettingsPage'
import { SurveysPage } from '../features/collection/SurveysPage'
import { PrivacyPage } from '../features/privacy/PrivacyPage'
import type { PageProps } from '../platform/pageProps'

/** Navigation groups: the work itself, then bringing data in and settings. */
export type PageGroup = 'work' | 'data'

/** The pages of the app, in navigation order. Each feature adds its page here. */
export const pages: ReadonlyArray<{ id: string; label: MessageKey; group: PageGroup; component: ComponentType<PageProps> }> = [
  { id: 'overview', label: 'nav.overview', group: 'work', component: OverviewPage },
  { id: 'scores', label: 'nav.scores', group: 'work', component: ScoresPage },
  { id: 'inbox', label: 'nav.inbox', group: 'work', component: InboxPage },
  { id: 'themes', label: 'nav.themes', group: 'work', component: ThemesPage },
  { id: 'customers', label: 'nav.customers', group: 'work', component: CustomersPage },
  { id: 'journeys', label: 'nav.journeys', group: 'work', component: JourneysPage },
  { id: 'reports', label: 'nav.reports', group: 'work', component: ReportsPage },
  { id: 'surveys', label: 'nav.surveys', group: 'data', component: SurveysPage },
  { id: 'import', label: 'nav.import', group: 'data', component: ImportPage },
  { id: 'score-settings', label: 'nav.scoreSettings', group: 'data', component: ScoreSettingsPage },
  { id: 'privacy', label: 'nav.privacy', group: 'data', component: PrivacyPage },
]
