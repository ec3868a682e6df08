import type { ReportComment, ReportData } from '../../../../../src-shared/api/reports'
import { useI18n } from '../../../i18n/I18nProvider'
import { Nothing } from './Section'
import { QuestionsNote } from './QuestionsNote'
import { useReportFormat } from './useReportFormat'

function Quote({ c }: { c: ReportComment }) {
  const { fmt } = useI18n()
  const meta = [fmt.day(c.date), c.score !== null && c.scaleMax !== null ? `${fmt.integer(c.score)}/${fmt.integer(c.scaleMax)}` : null, c.touchpoint].filter(Boolean).join(' · ')
  return (
    <blockquote className="report-quote" lang={c.language ?? undefined}>
      <p>{c.text}</p>
      <footer className="muted">{meta}</footer>
    </blockquote>
  )
}

/** The most frequent themes with their score and a few recent comments (contacts masked, or comments redacted or left out). */
export function ThemesSection({ data }: { data: ReportData }) {
  const { t, fmt } = useI18n()
  const f = useReportFormat()
  const th = data.themes
  if (!th || !th.items.length) return <Nothing text={t('report.themes.none')} />
  // The manager summary is read in five minutes: two comments a theme; a deliverable shows them all.
  const commentsPerTheme = data.options.kind === 'manager' ? 2 : undefined
  return (
    <>
      {data.options.privacy.comments === 'exclude' && <p className="muted">{t('report.themes.commentsLeftOut')}</p>}
      <QuestionsNote data={data} metric={th.metric} />
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">{t('dim.tag')}</th>
            <th scope="col">{t('report.table.responses')}</th>
            <th scope="col">{t('report.table.share')}</th>
            <th scope="col">{f.name(th.metric)}</th>
            <th scope="col">{t('chart.nHeader')}</th>
          </tr>
        </thead>
        <tbody>
          {th.items.map((i) => (
            <tr key={i.tag}>
              <th scope="row">{i.tag}</th>
              <td>{fmt.integer(i.count)}</td>
              <td>{fmt.percent(data.responses ? i.count / data.responses : 0)}</td>
              <td>{f.value(th.metric, i.figure?.value ?? null)}</td>
              <td>{fmt.integer(i.figure?.n ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="report-theme-list">
        {th.items
          .filter((i) => i.comments.length)
          .map((i) => (
            <div key={i.tag} className="report-theme-comments">
              <h3>{i.tag}</h3>
              {i.comments.slice(0, commentsPerTheme).map((c, k) => (
                <Quote key={k} c={c} />
              ))}
            </div>
          ))}
      </div>
    </>
  )
}
