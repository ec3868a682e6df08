import type { Card, JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import { orderedSteps } from '../../../../../src-shared/domain/journeys/grid'
import type { ReportData } from '../../../../../src-shared/api/reports'
import { useI18n } from '../../../i18n/I18nProvider'
import { FormattedText } from '../../journeys/map/FormattedText'
import { figureForCard } from '../../journeys/scores/liveScores'
import { reportLiveScores } from './mapScores'
import { Nothing } from './Section'
import { useReportFormat } from './useReportFormat'

/** Where a card sits: "Stage · step" (the step's name only when the stage is split). */
function placeOf(doc: JourneyDoc, card: Card): string {
  const step = doc.steps.find((s) => s.id === card.stepId)
  const stage = doc.stages.find((s) => s.id === step?.stageId)
  return [stage?.name, step?.name].filter(Boolean).join(' · ')
}

/** Cards of one lane type on a map, in the map's order (steps left to right, cards top to bottom). */
function cardsOf(doc: JourneyDoc, type: 'pains' | 'ideas' | 'owners' | 'touchpoints'): Card[] {
  const lanes = new Set(doc.lanes.filter((l) => l.type === type).map((l) => l.id))
  const order = new Map(orderedSteps(doc).map((s, i) => [s.id, i]))
  return doc.cards.filter((c) => lanes.has(c.laneId)).sort((a, b) => (order.get(a.stepId) ?? 0) - (order.get(b.stepId) ?? 0))
}

/**
 * Findings: each map's pain points with the live score of the touchpoints at the same step. Or,
 * with `opportunities`, its ideas with the owners named at the same step.
 */
export function FindingsSection({ data, kind }: { data: ReportData; kind: 'findings' | 'opportunities' }) {
  const { t, fmt } = useI18n()
  const f = useReportFormat()
  const journeys = data.journeys
  const maps = (journeys?.maps ?? []).map((m) => ({ m, cards: cardsOf(m.doc, kind === 'findings' ? 'pains' : 'ideas') })).filter((x) => x.cards.length)
  if (!journeys || !maps.length) return <Nothing text={t(kind === 'findings' ? 'report.findings.none' : 'report.opportunities.none')} />
  return (
    <>
      {maps.map(({ m, cards }) => {
        const scores = reportLiveScores(m.figures, journeys)
        const touchpoints = cardsOf(m.doc, 'touchpoints')
        const owners = cardsOf(m.doc, 'owners')
        const metric = m.doc.map.scoreMetric
        const scoreAt = (stepId: string) =>
          touchpoints
            .filter((c) => c.stepId === stepId)
            .map((c) => ({ c, fig: figureForCard(scores.current, c) }))
            .filter((x) => x.fig && x.fig.n > 0)
            .map((x) => `${x.c.text.split('\n')[0]}: ${f.value(metric, x.fig!.value)} (n = ${fmt.integer(x.fig!.n)})`)
            .join('; ')
        return (
          <div key={m.doc.map.id} className="report-findings">
            <h3>
              {m.doc.map.name} <span className="report-badge">{t(`journey.kind.${m.doc.map.kind}`)}</span>
            </h3>
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t('report.findings.where')}</th>
                  <th scope="col">{t(kind === 'findings' ? 'report.findings.pain' : 'report.opportunities.idea')}</th>
                  <th scope="col">{t(kind === 'findings' ? 'report.findings.score' : 'report.opportunities.owner')}</th>
                </tr>
              </thead>
              <tbody>
                {cards.map((c) => (
                  <tr key={c.id}>
                    <td>{placeOf(m.doc, c)}</td>
                    <td>
                      <FormattedText text={c.text} />
                    </td>
                    <td>
                      {kind === 'findings'
                        ? scoreAt(c.stepId)
                        : owners
                            .filter((o) => o.stepId === c.stepId)
                            .map((o) => o.text)
                            .join(', ') || t('report.unassigned')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      })}
    </>
  )
}
