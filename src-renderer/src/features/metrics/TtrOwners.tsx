import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { inboxHref } from './inboxLink'
import { useScoreFormat } from './useScoreFormat'
import { useHoursInterval } from './useHoursInterval'

/**
 * Time to resolution by owner (who followed up) over the page's range: median and 90th percentile
 * with their 95% intervals, resolved and still open; each owner opens their follow-ups in the inbox.
 */
export function TtrOwners({ filter }: { filter: FeedbackFilter }) {
  const { t, fmt } = useI18n()
  const f = useScoreFormat()
  const interval = useHoursInterval()
  const byOwner = useApiQuery('metrics.ttr', { dim: 'owner', filter })
  // The share resolved by the due date of the workspace's follow-up rule, per owner, with its n.
  const onTime = useApiQuery('feedback.onTime', { filter })
  const onTimeOf = new Map((onTime.data?.rows ?? []).map((r) => [r.owner, r]))
  const share = (r: { share: number | null; low: number | null; high: number | null } | undefined) =>
    r?.share == null ? '–' : `${fmt.percent(r.share)}${r.low !== null && r.high !== null ? ` (${fmt.percent(r.low)}–${fmt.percent(r.high)})` : ''}`
  const rows = byOwner.data?.rows ?? []
  if (!rows.some((r) => r.group !== null)) return null
  return (
    <div className="ttr-owners">
      <h3>{t('ttr.byOwner')}</h3>
      <table className="drivers" data-testid="ttr-owners">
        <thead>
          <tr>
            <th scope="col">{t('dim.owner')}</th>
            <th scope="col">{t('ttr.median')}</th>
            <th scope="col">{t('ttr.medianCi')}</th>
            <th scope="col">{t('ttr.p90')}</th>
            <th scope="col">{t('ttr.resolved')}</th>
            <th scope="col">{t('ttr.open')}</th>
            <th scope="col">{t('followUps.onTime')}</th>
            <th scope="col">{t('followUps.onTimeN')}</th>
            <th scope="col">{t('followUps.openPastDue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.group ?? ''} className={r.lowSample ? 'muted' : undefined}>
              <th scope="row">{r.group === null ? t('ttr.unassigned') : <a href={inboxHref({ ...filter, owner: [r.group] })}>{r.group}</a>}</th>
              <td>{f.value('ttr', r.medianHours)}</td>
              <td className="interval">{interval(r.medianLow, r.medianHigh)}</td>
              <td>
                {f.value('ttr', r.p90Hours)}
                {r.p90Low !== null && <span className="muted interval"> ({interval(r.p90Low, r.p90High)})</span>}
              </td>
              <td>{fmt.integer(r.resolved)}</td>
              <td>{fmt.integer(r.stillOpen)}</td>
              <td data-testid="on-time-share">{share(onTimeOf.get(r.group))}</td>
              <td>{fmt.integer(onTimeOf.get(r.group)?.resolved ?? 0)}</td>
              <td>{fmt.integer(onTimeOf.get(r.group)?.overdue ?? 0)}</td>
            </tr>
          ))}
        </tbody>
        {onTime.data && (
          <tfoot>
            <tr>
              <th scope="row">{t('followUps.onTime')}</th>
              <td colSpan={5} />
              <td data-testid="on-time-overall">{share(onTime.data.overall)}</td>
              <td>{fmt.integer(onTime.data.overall.resolved)}</td>
              <td>{fmt.integer(onTime.data.overall.overdue)}</td>
            </tr>
          </tfoot>
        )}
      </table>
      <p className="muted small on-time-note">{t('followUps.onTimeNote')}</p>
    </div>
  )
}
