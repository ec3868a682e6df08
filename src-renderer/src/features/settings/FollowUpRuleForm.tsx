import { useState } from 'react'
import type { FollowUpRule } from '../../../../src-shared/api/followUps'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Loading } from '../../components/Loading'
import { ErrorNotice } from '../../components/ErrorNotice'
import { SaveRow } from './SaveRow'

const bands = [
  ['poor', 'followUps.rulePoor'],
  ['neutral', 'followUps.ruleNeutral'],
  ['good', 'followUps.ruleGood'],
  ['unscored', 'followUps.ruleUnscored'],
] as const

/** The workspace's rule for follow-up due dates: working days per band of the score, and the "due soon" window. */
export function FollowUpRuleForm() {
  const { t } = useI18n()
  const current = useApiQuery('feedback.followUpRule', {})
  if (current.isPending) return <Loading label={t('common.loading')} />
  if (current.error) return <ErrorNotice error={current.error} />
  return <RuleForm key={JSON.stringify(current.data)} rule={current.data.rule} workingHours={current.data.workingHours} />
}

function RuleForm({ rule, workingHours }: { rule: FollowUpRule; workingHours: boolean }) {
  const { t } = useI18n()
  const save = useApiMutation('feedback.setFollowUpRule')
  // Boxes hold text while typed; an empty box means no due date.
  const [draft, setDraft] = useState<Record<keyof FollowUpRule, string>>({
    poor: rule.poor === null ? '' : String(rule.poor),
    neutral: rule.neutral === null ? '' : String(rule.neutral),
    good: rule.good === null ? '' : String(rule.good),
    unscored: rule.unscored === null ? '' : String(rule.unscored),
    soonHours: String(rule.soonHours),
  })
  const [saved, setSaved] = useState(false)
  const days = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')))
  const next: FollowUpRule = { poor: days(draft.poor), neutral: days(draft.neutral), good: days(draft.good), unscored: days(draft.unscored), soonHours: Number(draft.soonHours) }
  const changed = JSON.stringify(next) !== JSON.stringify(rule)
  return (
    <form
      className="form"
      data-testid="follow-up-rule"
      onSubmit={(e) => {
        e.preventDefault()
        setSaved(false)
        save.mutate({ rule: next }, { onSuccess: () => setSaved(true) })
      }}
    >
      <p className="muted small">{t('followUps.ruleHelp')}</p>
      {!workingHours && <p className="muted small">{t('followUps.ruleCalendar')}</p>}
      {bands.map(([band, label]) => (
        <label key={band} className="control">
          <span>{t(label)}</span>
          <span className="inline-field">
            <input type="number" min={0.25} max={60} step={0.25} inputMode="decimal" value={draft[band]} onChange={(e) => setDraft({ ...draft, [band]: e.target.value })} />
            <span className="muted">{t('followUps.ruleDays')}</span>
          </span>
        </label>
      ))}
      <label className="control">
        <span>{t('followUps.ruleSoon')}</span>
        <input type="number" min={1} max={168} step={1} required value={draft.soonHours} onChange={(e) => setDraft({ ...draft, soonHours: e.target.value })} />
      </label>
      <SaveRow error={save.error} onDismiss={() => save.reset()} saved={saved} changed={changed} pending={save.isPending} />
    </form>
  )
}
