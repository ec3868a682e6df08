import type { PageProps } from '../../platform/pageProps'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Card } from '../../components/Card'
import { Loading } from '../../components/Loading'
import { ErrorNotice } from '../../components/ErrorNotice'
import { RollupProgress } from '../metrics/RollupProgress'
import { DefinitionsPanel } from '../metrics/DefinitionsPanel'
import { QuestionDefinitionForm } from './QuestionDefinitionForm'
import { TimezoneForm } from './TimezoneForm'
import { BusinessHoursForm } from './BusinessHoursForm'
import { FollowUpRuleForm } from './FollowUpRuleForm'
import { SurveySendsForm } from './SurveySendsForm'
import { YourNameForm } from './YourNameForm'
import { ChannelLabelsForm } from './ChannelLabelsForm'

/** The workspace's measurement settings: score definitions, the time zone, working hours for TTR, and surveys sent. */
export function ScoreSettingsPage({ workspace }: PageProps) {
  const { t, fmt } = useI18n()
  const defs = useApiQuery('metrics.definitions', {})
  return (
    <div className="settings-page">
      <header className="page-head">
        <h2>{t('settings.title')}</h2>
        <p className="muted">{t('settings.subtitle')}</p>
      </header>
      <RollupProgress cancellable />
      {defs.isPending && <Loading label={t('common.loading')} />}
      {defs.error && <ErrorNotice error={defs.error} />}
      {defs.data && (
        <div className="cards-grid">
          <Card title={t('settings.definitions')} className="wide" footer={<span className="muted">{t('settings.npsFixed')}</span>}>
            <div className="definition-forms">
              {defs.data.questions
                .filter((q) => q.metric !== 'nps')
                .map((q) => (
                  <QuestionDefinitionForm key={q.id} question={q} />
                ))}
            </div>
          </Card>
          <Card title={t('settings.periods')}>
            <TimezoneForm key={workspace.timezone} current={workspace.timezone} />
          </Card>
          <Card title={t('settings.ttr')}>
            <BusinessHoursForm key={JSON.stringify(defs.data.businessHours)} current={defs.data.businessHours} />
          </Card>
          <Card title={t('followUps.ruleTitle')}>
            <FollowUpRuleForm />
          </Card>
          <Card title={t('settings.sends')} className="wide" footer={<span className="muted">{t('sends.hint')}</span>}>
            <SurveySendsForm questions={defs.data.questions} today={fmt.today(workspace.timezone)} />
          </Card>
          <Card title={t('settings.channels')} className="wide" footer={<span className="muted">{t('labels.hint')}</span>}>
            <ChannelLabelsForm />
          </Card>
          <Card title={t('settings.you')}>
            <YourNameForm />
          </Card>
          <DefinitionsPanel />
        </div>
      )}
    </div>
  )
}
