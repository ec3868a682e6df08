import type { Change, Comparison, Tile } from '../../../../src-shared/api/metrics'
import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import { periodEnd, periodStart, type PeriodUnit } from '../../../../src-shared/domain/periods'
import { metricKinds, type MetricKind } from '../../../../src-shared/domain/scores'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Loading } from '../../components/Loading'
import { ErrorNotice } from '../../components/ErrorNotice'
import { inboxHref, metricFilter } from './inboxLink'
import { useScoreFormat } from './useScoreFormat'
import { DataSpanNotice } from './DataSpanNotice'
import './scores.css'
import type { DataSpan } from '../../../../src-shared/domain/defaultView'

/** Which way is better for each headline figure (CES: the direction of its scale). */
function higherIsBetter(tile: Tile, cesLowerBetter: boolean): boolean {
  if (tile.metric === 'ttr' || tile.metric === 'churn') return false
  if (tile.metric === 'ces') return !cesLowerBetter
  return true
}

function ChangeLine({ tile, change, better, comparedWith }: { tile: Tile; change: Change | null; better: boolean; comparedWith: string }) {
  const { t } = useI18n()
  const f = useScoreFormat()
  if (!tile.previous || tile.value === null) return null
  if (!change) return <p className="tile-change muted">{t('tiles.noComparison', { period: comparedWith })}</p>
  const arrow = change.delta > 0 ? '▲' : change.delta < 0 ? '▼' : '■'
  const verdict =
    change.significant === true
      ? t('tiles.significant')
      : change.significant === false
        ? t('tiles.notSignificant')
        : change.reason === 'lowSample'
          ? t('tiles.tooFew')
          : change.intervals
            ? t('tiles.notTestedInterval')
            : t('tiles.notTested')
  const tone = change.significant ? ((change.delta > 0) === better ? 'good' : 'poor') : 'neutral'
  return (
    <p className={`tile-change tone-${tone}`} data-significant={String(change.significant)}>
      {/* One flex item, so the arrow stays on its figure's line when the line wraps. */}
      <span className="tile-delta">
        <span aria-hidden="true">{arrow}</span> {t('tiles.change', { delta: f.delta(tile.metric, change.delta), period: comparedWith })}
      </span>
      <span className="tile-verdict">{verdict}</span>
    </p>
  )
}

/**
 * The headline figures of the period, each against the comparison period, saying whether the change
 * is significant. A period still running says "so far"; a period without answers says where the data is.
 */
export function TilesRow(props: { by: PeriodUnit; compare: Comparison; filter: FeedbackFilter; cesLowerBetter?: boolean; compact?: boolean; span: DataSpan | null; onShowData: (range: { from: string; to: string }) => void }) {
  const { by, compare, filter, cesLowerBetter = false, compact = false, span, onShowData } = props
  const { t, fmt } = useI18n()
  const f = useScoreFormat()
  const tiles = useApiQuery('metrics.tiles', { by, compare, filter })
  if (tiles.isPending) return <Loading label={t('common.loading')} />
  if (tiles.error) return <ErrorNotice error={tiles.error} />
  const { current, comparison } = tiles.data
  const { partial } = tiles.data
  // A whole period by its name ("October 2025"), a part of one by its days.
  const range = (r: { key: string; from: string; to: string }) =>
    r.from === periodStart(r.key, by) && r.to === periodEnd(r.key, by) ? f.period(r.from, by) : r.from === r.to ? fmt.day(r.from) : t('range.fromTo', { from: fmt.day(r.from), to: fmt.day(r.to) })
  const comparedWith = comparison ? (partial ? range(comparison) : f.period(comparison.from, by)) : ''
  const shown = compact ? tiles.data.tiles.filter((x) => (metricKinds as readonly string[]).includes(x.metric)) : tiles.data.tiles
  const scoresEmpty = tiles.data.tiles.every((x) => !(metricKinds as readonly string[]).includes(x.metric) || x.n === 0)
  return (
    <section className={compact ? 'tiles tiles-compact' : 'tiles'} aria-label={t('tiles.label', { period: f.period(current.from, by) })} data-partial={String(partial)}>
      <p className="tiles-period muted" data-testid="tiles-period">
        {t(partial ? 'tiles.periodSoFar' : 'tiles.period', { period: range(current) })}
        {comparison ? ` · ${t(partial ? 'tiles.versusSameDays' : 'tiles.versus', { period: range(comparison) })}` : ''}
      </p>
      {scoresEmpty && <DataSpanNotice span={span} by={by} onShow={onShowData} />}
      <div className="tiles-grid">
        {shown.map((tile) => {
          const isScore = (metricKinds as readonly string[]).includes(tile.metric)
          const link = isScore ? inboxHref(metricFilter({ ...filter, from: current.from, to: current.to }, tile.metric as MetricKind)) : tile.metric === 'ttr' ? inboxHref({ ...filter, from: current.from, to: current.to, status: ['resolved'] }) : null
          return <TileCard key={tile.metric} tile={tile} cesLowerBetter={cesLowerBetter} comparedWith={comparedWith} link={link} />
        })}
      </div>
    </section>
  )
}

/** One headline figure: value with its margin of error (a median: its 95% interval) and n, and its change against the comparison period. */
export function TileCard({ tile, cesLowerBetter, comparedWith, link }: { tile: Tile; cesLowerBetter: boolean; comparedWith: string; link: string | null }) {
  const { t, fmt } = useI18n()
  const f = useScoreFormat()
  const x = tile.extra ?? {}
  const interval = (low: number | null | undefined, high: number | null | undefined) =>
    low == null || high == null ? '' : ` (${t('tiles.interval', { low: fmt.number(low, 1), high: f.value('ttr', high) })})`
  return (
    <article className="tile" data-testid={`tile-${tile.metric}`}>
      <h3>{f.name(tile.metric)}</h3>
      {tile.metric === 'ces' && <CesScale />}
      <p className={tile.lowSample && tile.value !== null ? 'tile-value low' : 'tile-value'} data-value={tile.value ?? ''}>
        {tile.value === null ? t('common.notAvailable') : f.value(tile.metric, tile.value)}
        {tile.value !== null && tile.moe95 !== null && <small> ± {fmt.number(tile.moe95, tile.metric === 'ces' ? 2 : 1)}</small>}
        {tile.value !== null && tile.metric === 'ttr' && <small data-testid="ttr-interval">{interval(x.medianLow, x.medianHigh)}</small>}
      </p>
      <p className="tile-n muted">
        {tile.value === null
          ? t(`tiles.missing.${tile.missing ?? 'noData'}`)
          : tile.metric === 'ttr'
            ? t('tiles.ttrDetail', { p90: f.value('ttr', x.p90Hours ?? null) + interval(x.p90Low, x.p90High), open: fmt.integer(x.stillOpen ?? 0), n: fmt.integer(tile.n) })
            : tile.metric === 'churn' || tile.metric === 'retention'
              ? tile.metric === 'churn'
                ? t.plural('tiles.churnDetail', tile.n, { lost: fmt.integer(x.lost ?? 0) })
                : t.plural('tiles.retentionDetail', tile.n, { retained: fmt.integer(x.retained ?? 0) })
              : tile.metric === 'responseRate'
                ? t('tiles.rateDetail', { responses: t.plural('count.responses', tile.extra?.responses ?? 0), sent: t.plural('count.surveysSent', tile.extra?.sent ?? 0) })
                : t('chart.nIs', { n: fmt.integer(tile.n) })}
        {tile.lowSample && tile.value !== null ? ` · ${t('tiles.low')}` : ''}
      </p>
      <ChangeLine tile={tile} change={tile.change} better={higherIsBetter(tile, cesLowerBetter)} comparedWith={comparedWith} />
      {link && tile.n > 0 && (
        <a className="tile-link no-print" href={link}>
          {t('tiles.open')}
        </a>
      )}
    </article>
  )
}

/** A CES mean means nothing without its scale: 1–7 where 7 is easiest, or 1–5 where 1 is the least effort. */
function CesScale() {
  const { t, fmt } = useI18n()
  const defs = useApiQuery('metrics.definitions', {})
  const ces = (defs.data?.questions ?? []).filter((q) => q.metric === 'ces')
  if (!ces.length) return null
  const [q] = ces
  const same = ces.every((x) => x.scaleMin === q.scaleMin && x.scaleMax === q.scaleMax && x.direction === q.direction)
  return (
    <p className="tile-scale muted" data-testid="ces-scale">
      {same
        ? t(q.direction === 'lower_better' ? 'tiles.cesScale.effort' : 'tiles.cesScale.ease', { min: fmt.integer(q.scaleMin), max: fmt.integer(q.scaleMax), best: fmt.integer(q.direction === 'lower_better' ? q.scaleMin : q.scaleMax) })
        : t('tiles.cesScale.mixed')}
    </p>
  )
}
