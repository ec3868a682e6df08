import type { FeedbackFilter } from '../../src-shared/api/filters'
import type { Figure } from '../../src-shared/api/metrics'
import type { DateRange, MapFigure, OpenItem, ReportComment, ReportData, ReportOptions, ReportSection } from '../../src-shared/api/reports'
import { AppError } from '../../src-shared/api/result'
import { dayNumber } from '../../src-shared/domain/periods'
import { followUpStatuses, type FollowUpStatus } from '../../src-shared/domain/scores'
import { inboxCount } from '../feedback/feedbackRowsRepository'
import { newestComments, oldestOpenPoor, poorByStatus, responseTimeSpan, type ReportResponseRow } from './reportRowsRepository'
import { readDefinitionsOnly } from '../metrics/definitions'
import { drivers } from '../metrics/drivers'
import { facetValues } from '../metrics/facets'
import { responsesPerTag } from '../metrics/tagCounts'
import { channelLabelsFor } from '../workspace/channelLabels'
import { metricSeries, type MetricsSource } from '../metrics/series'
import { tilesBetween } from '../metrics/tiles'
import { ttrSeries } from '../metrics/ttr'
import { commentForReport, contactOf } from './privacy'
import { resolveReportPeriod, trendWindow } from './reportPeriod'
import { whatChanged } from './whatChanged'
import { getJourney, listJourneys } from '../journeys/journeysService'
import { listTags } from '../feedback/tagsService'
import type { OpenWorkspace } from '../db/openWorkspace'

export type ReportSource = MetricsSource & { open: OpenWorkspace; localDateOf: (ms: number) => string; today: string; now: number }

const BREAKDOWN_DIMS = ['channel', 'touchpoint', 'stage', 'location'] as const
const THEMES = 6
const COMMENTS_PER_THEME = 3
const OPEN_ITEMS = 12
const DRIVERS = 8

/** Where reportData's time goes, by part (ms), for the bench's profile: filled only when asked for. */
export type ReportTimings = Record<string, number>

/** Runs one part of the report, adding its time to `timings` when there are timings to fill. */
function timer(timings?: ReportTimings) {
  return async <T>(part: string, run: () => Promise<T> | T): Promise<T> => {
    if (!timings) return run()
    const t0 = performance.now()
    try {
      return await run()
    } finally {
      timings[part] = (timings[part] ?? 0) + performance.now() - t0
    }
  }
}

function checkCancel(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'The export was cancelled.')
}

/** The filter of the report, narrowed to a range; the filter's own dates never apply (the period decides). */
function inRange(filter: FeedbackFilter, range: DateRange): FeedbackFilter {
  return { ...filter, from: range.from, to: range.to }
}

function comment(row: ReportResponseRow, opts: ReportOptions): ReportComment | null {
  const text = commentForReport(row.comment, opts.privacy.comments, opts.privacy.maskContacts)
  if (!text) return null
  return { date: row.local_date, text, metric: row.metric, score: row.score, scaleMax: row.scale_max, language: row.language, touchpoint: row.touchpoint }
}

function openItem(row: ReportResponseRow, opts: ReportOptions, today: string): OpenItem {
  return {
    date: row.local_date,
    waitingDays: Math.max(0, dayNumber(today) - dayNumber(row.local_date)),
    customer: row.customer_name,
    contact: contactOf(row.email, row.phone, opts.privacy.maskContacts),
    metric: row.metric,
    score: row.score,
    scaleMax: row.scale_max,
    touchpoint: row.touchpoint,
    location: row.location,
    owner: row.owner,
    status: row.status,
    comment: commentForReport(row.comment, opts.privacy.comments, opts.privacy.maskContacts),
  }
}

/**
 * The themes (tags) with responses in the report's filter, with how many: from the summaries where
 * they hold the filter (a month of a million responses is ~40,000 of them, each read once per tag
 * otherwise), else by counting the responses.
 */
async function themeCounts(src: ReportSource, filter: FeedbackFilter): Promise<Array<{ name: string; count: number }>> {
  const fast = responsesPerTag(src, filter)
  if (fast) return [...fast].map(([name, count]) => ({ name, count }))
  return (await listTags(src.open, filter)).filter((t) => t.count > 0).map((t) => ({ name: t.name, count: t.count }))
}

/** Each linked card's figure on a map over a range: one engine call per distinct link. */
async function mapFigures(src: ReportSource, doc: Awaited<ReturnType<typeof getJourney>>['doc'], range: DateRange, previous: DateRange | null): Promise<MapFigure[]> {
  const links = new Map<string, { touchpoint: string | null; channel: string | null }>()
  for (const c of doc.cards) if (c.link && (c.link.touchpoint || c.link.channel)) links.set(`${c.link.touchpoint ?? ''}\u0000${c.link.channel ?? ''}`, c.link)
  const metric = doc.map.scoreMetric
  const figureFor = async (link: { touchpoint: string | null; channel: string | null }, r: DateRange): Promise<Figure> => {
    const filter: FeedbackFilter = { from: r.from, to: r.to, metric: [metric], ...(link.touchpoint ? { touchpoint: [link.touchpoint] } : {}), ...(link.channel ? { channel: [link.channel] } : {}) }
    return (await metricSeries(src, { metric, filter })).overall
  }
  const out: MapFigure[] = []
  for (const link of links.values()) out.push({ ...link, current: await figureFor(link, range), previous: previous ? await figureFor(link, previous) : null })
  return out
}

/**
 * Every figure, text and map a report shows, from the same engine functions the app's pages call,
 * so the PDF and the app never disagree. Contacts are masked and comments redacted here, before
 * anything reaches a page.
 */
export async function reportData(src: ReportSource, options: ReportOptions, signal?: AbortSignal, timings?: ReportTimings): Promise<ReportData> {
  const { open } = src
  const time = timer(timings)
  const has = (s: ReportSection) => options.sections.includes(s)
  const span = await time('span', () => responseTimeSpan(src.db))
  const dates = { first: span.first === null ? null : src.localDateOf(span.first), last: span.last === null ? null : src.localDateOf(span.last) }
  const { range, comparison } = resolveReportPeriod(options.period, src.today, dates)
  const filter = inRange(options.filter, range)
  // Queries on the responses themselves skip the dates when the report covers every response (they
  // would select the same rows, at the cost of reading each one's date).
  const base = { ...options.filter, from: undefined, to: undefined }
  const rawFilter = options.period.preset === 'all' ? base : filter
  const metric = options.metric

  const responses = await time('responses', () => inboxCount(src.db, rawFilter, src.sqlite))
  const needsTiles = has('headline') || has('whatChanged') || has('appendix')
  const tiles = needsTiles ? await time('tiles', () => tilesBetween(src, { current: range, comparison, filter: base, by: 'month' })) : null
  checkCancel(signal)

  let trends: ReportData['trends'] = null
  if (has('trends')) {
    const { window, by } = trendWindow(range, dates.first)
    const series = []
    for (const m of ['nps', 'csat', 'ces'] as const) series.push(await time('trends', () => metricSeries(src, { metric: m, by, filter: inRange(options.filter, window) })))
    trends = { by, window, series: series.filter((s) => s.overall.n > 0) }
  }
  checkCancel(signal)

  let breakdowns: ReportData['breakdowns'] = null
  if (has('breakdowns')) {
    const items = []
    for (const dim of BREAKDOWN_DIMS) items.push({ dim, series: await time('breakdowns', () => metricSeries(src, { metric, dim, filter })) })
    breakdowns = { metric, items: items.filter((i) => i.series.rows.some((r) => r.group !== null)) }
  }

  const driverTable = has('drivers') || has('whatChanged') ? await time('drivers', () => drivers(src, { metric, filter, limit: DRIVERS })) : null
  checkCancel(signal)

  let themes: ReportData['themes'] = null
  if (has('themes') || has('whatChanged')) {
    const tags = (await time('themes.counts', () => themeCounts(src, rawFilter))).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    const tagged = tags.length ? (await time('themes.figures', () => metricSeries(src, { metric, dim: 'tag', filter }))).rows : []
    const items = []
    for (const t of tags.slice(0, THEMES)) {
      const rows = options.privacy.comments === 'exclude' ? [] : await time('themes.comments', () => newestComments(src.db, { ...rawFilter, tag: [t.name] }, COMMENTS_PER_THEME))
      items.push({
        tag: t.name,
        count: t.count,
        figure: tagged.find((r) => r.group === t.name) ?? null,
        comments: rows.map((r) => comment(r, options)).filter((c): c is ReportComment => c !== null),
      })
    }
    themes = { metric, items }
  }
  checkCancel(signal)

  let followUp: ReportData['followUp'] = null
  if (has('followUp') || has('whatChanged')) {
    const ttr = await time('followUp.ttr', () => ttrSeries(src, { filter }))
    const counts = await time('followUp.byStatus', () => poorByStatus(src.db, src.sqlite, rawFilter))
    const byStatus = Object.fromEntries(followUpStatuses.map((s) => [s, counts.find((c) => c.status === s)?.n ?? 0])) as Record<FollowUpStatus, number>
    const oldest = has('followUp') ? (await time('followUp.oldest', () => oldestOpenPoor(src.db, rawFilter, OPEN_ITEMS))).map((r) => openItem(r, options, src.today)) : []
    followUp = { ttr: ttr.overall, businessHours: ttr.businessHours, byStatus, openPoor: byStatus.new + byStatus.in_progress, oldest }
  }
  checkCancel(signal)

  let journeys: ReportData['journeys'] = null
  if (has('journeys') || has('personas') || has('findings') || has('opportunities')) {
    const wanted = new Set(options.journeyIds)
    const summaries = (await listJourneys(open)).filter((m) => !wanted.size || wanted.has(m.id))
    // As-is maps first, each followed by its to-be versions.
    summaries.sort((a, b) => (a.baseId ?? a.id).localeCompare(b.baseId ?? b.id) || (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'as_is' ? -1 : 1))
    const maps = []
    for (const s of summaries) {
      const { doc } = getJourney(open, s.id)
      maps.push({ doc, figures: await time('journeys', () => mapFigures(src, doc, range, comparison)) })
      checkCancel(signal)
    }
    journeys = { range, previous: comparison, maps }
  }

  const definitions = has('appendix') || tiles ? await time('definitions', () => readDefinitionsOnly(src.db, src.sqlite, src.timezone)) : null
  const headline = tiles ? { tiles, cesLowerBetter: definitions?.questions.some((q) => q.metric === 'ces' && q.direction === 'lower_better') ?? false } : null
  const appendix: ReportData['appendix'] =
    has('appendix') && definitions ? { definitions, samples: (tiles ?? []).map((t) => ({ metric: t.metric, n: t.n, previousN: t.previous?.n ?? null })) } : null

  // The questions behind each score, each with its n in the period: counted per question only where
  // a score has several (read from the responses); one question's n is its score's.
  const questionDefs = (definitions ?? (await readDefinitionsOnly(src.db, src.sqlite, src.timezone))).questions
  const questions: ReportData['questions'] = []
  for (const q of questionDefs) {
    const several = questionDefs.filter((o) => o.metric === q.metric).length > 1
    const tileN = tiles?.find((t) => t.metric === q.metric)?.n
    const n = await time('questions', async () =>
      several ? (await metricSeries(src, { metric: q.metric, filter, questionIds: [q.id] })).overall.n : (tileN ?? (await metricSeries(src, { metric: q.metric, filter })).overall.n),
    )
    questions.push({ metric: q.metric, label: q.label, n })
  }
  checkCancel(signal)

  const channelLabels = await time('channelLabels', () => channelLabelsFor(src.db, facetValues(src.sqlite, 'channel').map((f) => f.value), options.locale))

  return {
    workspace: { name: open.settings.name, timezone: src.timezone },
    channelLabels,
    generatedAt: src.now,
    options,
    period: range,
    comparison,
    responses,
    headline: has('headline') ? headline : null,
    questions,
    whatChanged: has('whatChanged') ? whatChanged({ headline, drivers: driverTable, followUp, themes, responses }) : null,
    trends,
    breakdowns,
    drivers: has('drivers') ? driverTable : null,
    themes: has('themes') ? themes : null,
    followUp: has('followUp') ? followUp : null,
    journeys,
    appendix,
  }
}
