import { memo, useEffect, useMemo, useRef } from 'react'
import type { Card, JourneyDoc, Lane, Step } from '../../../../../src-shared/domain/journeys/model'
import { cardsByCell, cellKey, orderedSteps, stepsOf } from '../../../../../src-shared/domain/journeys/grid'
import { useI18n } from '../../../i18n/I18nProvider'
import { actualEmotions, figureForCard } from '../scores/liveScores'
import { CardBody, cardClass, EditableCard, type CardLook } from './CardView'
import { EmotionCurve } from './EmotionCurve'
import { LaneHeader, StageHeader, StepHeader } from './Headers'
import { LiveScoreCell } from './LiveScoreCell'
import { useMapEditing, type MapDisplay } from './mapContext'

export const COLUMN_WIDTH = 208
export const LANE_HEADER_WIDTH = 190

/**
 * The journey map's layout: stages (and their steps) as columns, lanes as rows. One component for
 * the editor, presentation mode and printing (the reports issue prints it to PDF); it edits only
 * inside a MapEditingContext.
 */
export const JourneyMapView = memo(function JourneyMapView({
  doc,
  display,
  stageFilter,
  label,
  columnWidth = COLUMN_WIDTH,
}: {
  doc: JourneyDoc
  display: MapDisplay
  stageFilter?: string | null
  label: string
  /** A step's column in CSS pixels: the editor's and the printed map's fixed width unless a slide widens it. */
  columnWidth?: number
}) {
  const { t } = useI18n()
  const stages = stageFilter ? doc.stages.filter((s) => s.id === stageFilter) : doc.stages
  const allSteps = useMemo(() => orderedSteps(doc), [doc])
  const steps = stageFilter ? allSteps.filter((s) => s.stageId === stageFilter) : allSteps
  const cells = useMemo(() => cardsByCell(doc), [doc])
  const comments = useMemo(() => {
    const m = new Map<string, number>()
    for (const c of doc.comments) m.set(c.cardId, (m.get(c.cardId) ?? 0) + 1)
    return m
  }, [doc.comments])
  const touchpointCards = useMemo(() => {
    const tpLanes = new Set(doc.lanes.filter((l) => l.type === 'touchpoints').map((l) => l.id))
    return doc.cards.filter((c) => tpLanes.has(c.laneId))
  }, [doc.cards, doc.lanes])
  const metric = doc.map.scoreMetric
  const actual = useMemo(
    () => (display.actualCurve && display.scores ? actualEmotions(allSteps.map((s) => s.id), touchpointCards, display.scores.current, metric) : null),
    [display.actualCurve, display.scores, allSteps, touchpointCards, metric],
  )
  // One look per card, the same object for as long as it shows the same, so neither a drag (which
  // redraws the drop targets) nor an edit elsewhere on the map redraws 600 card bodies.
  const previousLooks = useRef(new Map<string, CardLook>())
  const looks = useMemo(() => {
    const m = new Map<string, CardLook>()
    for (const c of doc.cards) {
      const next: CardLook = {
        figure: display.scores ? figureForCard(display.scores.current, c) : undefined,
        metric,
        heat: display.heat,
        compare: display.compare?.get(c.id),
        commentCount: comments.get(c.id) ?? 0,
      }
      const prev = previousLooks.current.get(c.id)
      const same = prev && prev.figure === next.figure && prev.metric === next.metric && prev.heat === next.heat && prev.compare === next.compare && prev.commentCount === next.commentCount
      m.set(c.id, same ? prev : next)
    }
    return m
  }, [doc.cards, display.scores, display.heat, display.compare, comments, metric])
  useEffect(() => {
    previousLooks.current = looks
  }, [looks])
  const showSteps = doc.steps.some((s) => s.name) || doc.stages.some((st) => stepsOf(doc, st.id).length > 1)
  const numberOf = new Map(allSteps.map((s, i) => [s.id, i + 1]))

  if (doc.stages.length === 0 || doc.lanes.length === 0)
    return <p className="empty jm-empty">{t(doc.stages.length === 0 ? 'journey.empty.noStages' : 'journey.empty.noLanes')}</p>

  return (
    <div
      className="jm-grid"
      role="group"
      aria-label={label}
      style={{ gridTemplateColumns: `${LANE_HEADER_WIDTH}px repeat(${steps.length}, ${columnWidth}px)` }}
    >
      <div className="jm-corner" />
      {stages.map((s) => (
        <StageHeader key={s.id} doc={doc} stage={s} index={doc.stages.indexOf(s)} span={stepsOf(doc, s.id).length} />
      ))}
      {showSteps && (
        <>
          <div className="jm-corner jm-corner-steps" />
          {steps.map((s) => (
            <StepHeader key={s.id} doc={doc} step={s} index={stepsOf(doc, s.stageId).indexOf(s)} number={numberOf.get(s.id) ?? 0} />
          ))}
        </>
      )}
      {doc.lanes.map((lane, li) => (
        <LaneRow
          key={lane.id}
          doc={doc}
          lane={lane}
          index={li}
          steps={steps}
          cells={cells}
          looks={looks}
          display={display}
          touchpointCards={touchpointCards}
          actual={actual}
          columnWidth={columnWidth}
        />
      ))}
    </div>
  )
})

function EmotionLegend({ actual, other }: { actual: boolean; other: boolean }) {
  const { t } = useI18n()
  return (
    <div className="jm-legend">
      <span className="jm-legend-imagined">{t('journey.emotion.imagined')}</span>
      {actual && <span className="jm-legend-actual">{t('journey.emotion.actual')}</span>}
      {other && <span className="jm-legend-other">{t('journey.emotion.other')}</span>}
    </div>
  )
}

const LaneRow = memo(function LaneRow({
  doc,
  lane,
  index,
  steps,
  cells,
  looks,
  display,
  touchpointCards,
  actual,
  columnWidth,
}: {
  doc: JourneyDoc
  lane: Lane
  index: number
  steps: Step[]
  cells: Map<string, Card[]>
  looks: Map<string, CardLook>
  display: MapDisplay
  touchpointCards: Card[]
  actual: Map<string, { value: number; n: number }> | null
  columnWidth: number
}) {
  const metric = doc.map.scoreMetric
  if (lane.type === 'emotion')
    return (
      <>
        <LaneHeader doc={doc} lane={lane} index={index} legend={<EmotionLegend actual={!!actual && actual.size > 0} other={!!display.otherEmotions} />} />
        <div className="jm-cell jm-cell-curve" style={{ gridColumn: `span ${steps.length}` }}>
          <EmotionCurve lane={lane} steps={steps} columnWidth={columnWidth} points={doc.emotions} actual={actual} other={display.otherEmotions} />
        </div>
      </>
    )
  if (lane.type === 'scores')
    return (
      <>
        <LaneHeader doc={doc} lane={lane} index={index} legend={<ScoresLegend metric={metric} />} />
        {steps.map((s) => (
          <div key={s.id} className="jm-cell jm-cell-scores" role="group" aria-label={cellLabel(doc, lane, s)}>
            <LiveScoreCell cards={touchpointCards.filter((c) => c.stepId === s.id && c.link)} metric={metric} scores={display.scores} onOpen={display.onOpenScore} />
          </div>
        ))}
      </>
    )
  return (
    <>
      <LaneHeader doc={doc} lane={lane} index={index} />
      {steps.map((s) => (
        <CardCell key={s.id} doc={doc} lane={lane} step={s} cards={cells.get(cellKey(lane.id, s.id)) ?? EMPTY} looks={looks} />
      ))}
    </>
  )
})

const EMPTY: Card[] = []

/** "Pain points – Order: In the app": what a screen reader says for a cell. */
function cellLabel(doc: JourneyDoc, lane: Lane, step: Step): string {
  const stage = doc.stages.find((s) => s.id === step.stageId)?.name ?? ''
  return `${lane.name} – ${stage}${step.name ? `: ${step.name}` : ''}`
}

function ScoresLegend({ metric }: { metric: JourneyDoc['map']['scoreMetric'] }) {
  const { t } = useI18n()
  return <div className="jm-legend muted">{t(`journey.scores.legend.${metric}`)}</div>
}

/**
 * A cell. On the editable map it is where dragged cards can land: the editor finds it under the
 * pointer by its data attributes and highlights it with a class (editor/cardDrag.ts), so a drag
 * re-renders no cell; the cards inside are drawn by the memoised `CellCards`.
 */
function CardCell({ doc, lane, step, cards, looks }: { doc: JourneyDoc; lane: Lane; step: Step; cards: Card[]; looks: Map<string, CardLook> }) {
  return (
    <div className={`jm-cell jm-cell-${lane.type}`} role="group" aria-label={cellLabel(doc, lane, step)} data-lane-id={lane.id} data-step-id={step.id}>
      <CellCards lane={lane} step={step} cards={cards} looks={looks} />
    </div>
  )
}

const CellCards = memo(function CellCards({ lane, step, cards, looks }: { lane: Lane; step: Step; cards: Card[]; looks: Map<string, CardLook> }) {
  const { t } = useI18n()
  const editing = useMapEditing()
  const look = (c: Card) => looks.get(c.id) as CardLook
  if (!editing)
    return cards.map((c) => (
      <div key={c.id} className={cardClass(c, look(c))}>
        <CardBody card={c} look={look(c)} />
      </div>
    ))
  return (
    <>
      {cards.map((c) => (
        <EditableCard key={c.id} card={c} look={look(c)} selected={editing.selected.has(c.id)} />
      ))}
      <button type="button" className="jm-add-card" aria-label={t('journey.card.addIn', { lane: lane.name, step: step.name || '' })} title={t('journey.card.add')} onClick={() => editing.addCard(lane.id, step.id)} onFocus={() => editing.setActiveCell(lane.id, step.id)}>
        +
      </button>
    </>
  )
})
