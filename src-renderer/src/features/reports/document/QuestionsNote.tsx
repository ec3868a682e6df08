import type { ReportData } from '../../../../../src-shared/api/reports'
import type { MetricKind } from '../../../../../src-shared/domain/scores'
import { useI18n } from '../../../i18n/I18nProvider'
import { useReportFormat } from './useReportFormat'

/**
 * Which survey questions a score's figures answer, when the score is asked by several (a CSAT on the
 * food and another on the service): their texts as the files gave them, each with its n in the
 * period, pooled in the figure. Nothing when the period has answers to one question of it or none.
 */
export function QuestionsNote({ data, metric }: { data: ReportData; metric: MetricKind }) {
  const { t, fmt } = useI18n()
  const f = useReportFormat()
  const questions = data.questions.filter((q) => q.metric === metric && q.n > 0)
  if (questions.length < 2) return null
  const list = questions.map((q) => t('report.questions.item', { label: q.label, n: fmt.integer(q.n) })).join('; ')
  return (
    <p className="report-questions muted" data-questions={metric}>
      {t.plural('report.questions.pooled', questions.length, { metric: f.name(metric), questions: list })}
    </p>
  )
}

/** Under the headline tiles: the questions behind every score that pools several. */
export function QuestionsNotes({ data, metrics }: { data: ReportData; metrics: readonly MetricKind[] }) {
  return (
    <>
      {metrics.map((m) => (
        <QuestionsNote key={m} data={data} metric={m} />
      ))}
    </>
  )
}
