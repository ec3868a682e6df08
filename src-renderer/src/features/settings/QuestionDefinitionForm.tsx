import { useState } from 'react'
import type { QuestionDefinition, QuestionDefinitionUpdate } from '../../../../src-shared/api/metrics'
import { defaultThresholds, type Direction } from '../../../../src-shared/domain/scores'
import { useApiMutation } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Notice } from '../../components/Notice'
import { SaveRow } from './SaveRow'
import { bandRanges } from '../metrics/DefinitionsPanel'

/** The cut-offs read "from" or "up to" depending on which end of the scale is good. */
const cutLabels = {
  goodThreshold: { higher_better: 'settings.goodFrom', lower_better: 'settings.goodUpTo' },
  poorThreshold: { higher_better: 'settings.poorUpTo', lower_better: 'settings.poorFrom' },
} as const

const SCALES: Record<'csat' | 'ces', Array<[number, number]>> = {
  csat: [
    [1, 3],
    [1, 5],
    [1, 7],
    [1, 10],
  ],
  ces: [
    [1, 5],
    [1, 7],
  ],
}

/**
 * One CSAT or CES question's definition: scale, direction (the CES form) and the cut-offs for
 * "good" and "poor". Saving recomputes bands and summaries in one transaction, with progress.
 */
export function QuestionDefinitionForm({ question }: { question: QuestionDefinition }) {
  const { t } = useI18n()
  const save = useApiMutation('metrics.setDefinitions')
  const metric = question.metric as 'csat' | 'ces'
  const [draft, setDraft] = useState<QuestionDefinitionUpdate>({
    id: question.id,
    label: question.label,
    scaleMin: question.scaleMin,
    scaleMax: question.scaleMax,
    direction: question.direction,
    goodThreshold: question.goodThreshold,
    poorThreshold: question.poorThreshold,
  })
  const [saved, setSaved] = useState(false)
  const withScale = (min: number, max: number, direction: Direction) => {
    const th = defaultThresholds(metric, min, max, direction)
    setDraft((d) => ({ ...d, scaleMin: min, scaleMax: max, direction, goodThreshold: th.good, poorThreshold: th.poor }))
  }
  const points = Array.from({ length: draft.scaleMax - draft.scaleMin + 1 }, (_, i) => draft.scaleMin + i)
  const changed =
    draft.label !== question.label ||
    draft.scaleMin !== question.scaleMin ||
    draft.scaleMax !== question.scaleMax ||
    draft.direction !== question.direction ||
    draft.goodThreshold !== question.goodThreshold ||
    draft.poorThreshold !== question.poorThreshold
  const ranges = bandRanges(draft)
  const id = `q${question.id}`
  return (
    <form
      className="form definition-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault()
        setSaved(false)
        save.mutate({ questions: [draft] }, { onSuccess: () => setSaved(true) })
      }}
    >
      <h3 id={`${id}-title`}>
        {t(`metricName.${metric}`)} · <span className="muted">{question.key}</span>
      </h3>
      <p className="muted">
        {question.answered
          ? t.plural('settings.answered', question.answered, { min: question.answeredMin ?? '', max: question.answeredMax ?? '' })
          : t('settings.notAnswered')}
      </p>
      <label className="field">
        <span>{t('settings.label')}</span>
        <input value={draft.label} maxLength={200} required onChange={(e) => setDraft({ ...draft, label: e.target.value })} />
      </label>
      <div className="controls-row">
        {metric === 'ces' && (
          <label className="control">
            <span>{t('settings.cesForm')}</span>
            <select value={draft.direction} onChange={(e) => withScale(draft.scaleMin, draft.scaleMax, e.target.value as Direction)}>
              <option value="higher_better">{t('settings.cesAgreement')}</option>
              <option value="lower_better">{t('settings.cesEffort')}</option>
            </select>
          </label>
        )}
        <label className="control">
          <span>{t('settings.scale')}</span>
          <select
            value={`${draft.scaleMin}-${draft.scaleMax}`}
            onChange={(e) => {
              const [min, max] = e.target.value.split('-').map(Number)
              withScale(min, max, draft.direction)
            }}
          >
            {[...SCALES[metric], ...(SCALES[metric].some(([a, b]) => a === draft.scaleMin && b === draft.scaleMax) ? [] : [[draft.scaleMin, draft.scaleMax] as [number, number]])].map(([a, b]) => (
              <option key={`${a}-${b}`} value={`${a}-${b}`}>{`${a}–${b}`}</option>
            ))}
          </select>
        </label>
        {(['goodThreshold', 'poorThreshold'] as const).map((cut) => (
          <label key={cut} className="control">
            <span>{t(cutLabels[cut][draft.direction])}</span>
            <select value={draft[cut]} onChange={(e) => setDraft({ ...draft, [cut]: Number(e.target.value) })}>
              {points.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <p className="muted">{t(metric === 'csat' ? 'settings.csatMeans' : 'settings.cesMeans', ranges)}</p>
      {question.answered > 0 && (draft.scaleMin !== question.scaleMin || draft.scaleMax !== question.scaleMax || draft.direction !== question.direction) && (
        <Notice tone="info">{t('settings.rescaleWarning')}</Notice>
      )}
      <SaveRow error={save.error} onDismiss={() => save.reset()} saved={saved} changed={changed} pending={save.isPending} />
    </form>
  )
}
