import { followUpStatuses, MIN_RELIABLE_N } from '../../../../../src-shared/domain/scores'
import type { ReportData } from '../../../../../src-shared/api/reports'
import { useI18n } from '../../../i18n/I18nProvider'
import { Nothing } from './Section'
import { useReportFormat } from './useReportFormat'

/** Follow-up: time to resolution, unhappy answers by status, and the customers waiting longest (contacts masked by default). */
export function FollowUpSection({ data }: { data: ReportData }) {
  const { t, fmt } = useI18n()
  const f = useReportFormat()
  const fu = data.followUp
  if (!fu) return <Nothing />
  const { ttr } = fu
  return (
    <>
      <dl className="report-facts">
        <div>
          <dt>{t('ttr.median')}</dt>
          <dd>
            {f.value('ttr', ttr.medianHours)}
            {ttr.medianLow !== null && ttr.medianHigh !== null && <small> ({t('tiles.interval', { low: fmt.number(ttr.medianLow, 1), high: f.value('ttr', ttr.medianHigh) })})</small>}
          </dd>
        </div>
        <div>
          <dt>{t('ttr.p90')}</dt>
          <dd>
            {f.value('ttr', ttr.p90Hours)}
            {ttr.p90Low !== null && ttr.p90High !== null && <small> ({t('tiles.interval', { low: fmt.number(ttr.p90Low, 1), high: f.value('ttr', ttr.p90High) })})</small>}
          </dd>
        </div>
        <div>
          <dt>{t('ttr.resolved')}</dt>
          <dd>{fmt.integer(ttr.resolved)}</dd>
        </div>
        <div>
          <dt>{t('ttr.open')}</dt>
          <dd>{fmt.integer(ttr.stillOpen)}</dd>
        </div>
      </dl>
      <p className="muted">{t(fu.businessHours ? 'ttr.noteBusiness' : 'ttr.note', { n: fmt.integer(ttr.resolved), open: fmt.integer(ttr.stillOpen), min: MIN_RELIABLE_N })}</p>
      <h3>{t('report.followUp.byStatus')}</h3>
      <table className="report-table compact">
        <thead>
          <tr>
            {followUpStatuses.map((s) => (
              <th key={s} scope="col">
                {t(`status.${s}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {followUpStatuses.map((s) => (
              <td key={s}>{fmt.integer(fu.byStatus[s] ?? 0)}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <h3>{t('report.followUp.oldest')}</h3>
      {fu.oldest.length === 0 ? (
        <Nothing text={t('report.followUp.noneOpen')} />
      ) : (
        <>
          {data.options.privacy.maskContacts && <p className="muted">{t('report.followUp.masked')}</p>}
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('report.table.date')}</th>
                <th scope="col">{t('report.table.waiting')}</th>
                <th scope="col">{t('report.table.customer')}</th>
                <th scope="col">{t('report.table.contact')}</th>
                <th scope="col">{t('report.table.score')}</th>
                <th scope="col">{t('dim.touchpoint')}</th>
                <th scope="col">{t('report.table.owner')}</th>
              </tr>
            </thead>
            <tbody>
              {fu.oldest.map((o, i) => (
                <tr key={i}>
                  <td className="nowrap">{fmt.day(o.date)}</td>
                  <td className="nowrap">{t.plural('report.days', o.waitingDays)}</td>
                  <td>{o.customer ?? ''}</td>
                  <td className="report-contact">{o.contact ?? ''}</td>
                  <td>{o.score !== null && o.metric ? `${f.name(o.metric)} ${fmt.integer(o.score)}${o.scaleMax !== null ? `/${fmt.integer(o.scaleMax)}` : ''}` : ''}</td>
                  <td>{o.touchpoint ?? ''}</td>
                  <td>{o.owner ?? t('report.unassigned')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  )
}
