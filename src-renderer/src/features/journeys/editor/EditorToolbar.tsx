import { useRef, type Dispatch, type SetStateAction } from 'react'
import { laneTypes, type JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import { newId } from '../../../../../src-shared/domain/journeys/ids'
import type { MetricKind } from '../../../../../src-shared/domain/scores'
import { Button } from '../../../components/Button'
import { MetricOptions } from '../../../components/MetricOptions'
import { useRowEdges } from '../../../components/useRowEdges'
import { useI18n } from '../../../i18n/I18nProvider'
import { ActionMenu } from '../map/ActionMenu'
import { addLane, addStage } from '../map/Headers'
import type { MapEditing } from '../map/mapContext'
import { scorePeriods, type ScorePeriod } from '../scores/liveScores'
import type { EditorSnapshot, JourneyEditorStore } from './editorStore'

interface Props {
  doc: JourneyDoc
  snapshot: EditorSnapshot
  store: JourneyEditorStore
  editing: MapEditing
  scoreView: {
    period: ScorePeriod
    setPeriod: Dispatch<SetStateAction<ScorePeriod>>
    heat: boolean
    setHeat: Dispatch<SetStateAction<boolean>>
    actualCurve: boolean
    setActualCurve: Dispatch<SetStateAction<boolean>>
  }
  zoom: { zoom: number; zoomBy: (by: number) => void; fit: () => void; print: () => void }
  exporting: boolean
  onExport: () => void
  /** The one-map PDF: whether one is being made, and making one. */
  pdf: { running: boolean; start: () => void }
  onPresent: () => void
}

/**
 * In groups that wrap whole (never a label from its control, nor a button from its group): undo and redo, adding stages and lanes, what the scores show, zoom, and the ways out: present, export (PNG, the map's PDF), print.
 * A separator follows each group but the one that ends a visual row (useRowEdges marks it), so a wrapped row never ends on one.
 */
export function EditorToolbar({ doc, snapshot, store, editing, scoreView, zoom, exporting, onExport, pdf, onPresent }: Props) {
  const { t, fmt } = useI18n()
  const { dispatch } = editing
  const row = useRef<HTMLDivElement>(null)
  useRowEdges(row)
  return (
    <div className="jm-toolbar" role="toolbar" aria-label={t('journey.toolbar')} ref={row}>
      <div className="jm-group">
        <Button onClick={() => store.undo()} disabled={!snapshot.canUndo} title={t('journey.undoKey')}>
          ↶ {t('journey.undo')}
        </Button>
        <Button onClick={() => store.redo()} disabled={!snapshot.canRedo} title={t('journey.redoKey')}>
          ↷ {t('journey.redo')}
        </Button>
      </div>
      <div className="jm-group">
        <Button onClick={() => addStage(editing, t('journey.stage.new'))}>+ {t('journey.stage.add')}</Button>
        <ActionMenu label={t('journey.lane.add')} trigger={`+ ${t('journey.lane.add')}`} className="jm-add-lane" actions={laneTypes.map((type) => ({ label: t(`journey.laneType.${type}`), onSelect: () => addLane(editing, { id: newId(), type, name: t(`journey.laneType.${type}`) }) }))} />
      </div>
      <div className="jm-group">
        <label className="jm-inline">
          <span>{t('journey.scores.metric')}</span>
          <select value={doc.map.scoreMetric} onChange={(e) => dispatch({ type: 'updateMap', patch: { scoreMetric: e.target.value as MetricKind } })}>
            <MetricOptions />
          </select>
        </label>
        <label className="jm-inline">
          <span>{t('journey.scores.period')}</span>
          <select value={scoreView.period} onChange={(e) => scoreView.setPeriod(e.target.value as ScorePeriod)}>
            {scorePeriods.map((p) => (
              <option key={p} value={p}>
                {t(`journey.scores.period.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="jm-inline">
          <input type="checkbox" checked={scoreView.heat} onChange={(e) => scoreView.setHeat(e.target.checked)} />
          <span>{t('journey.scores.heat')}</span>
        </label>
        <label className="jm-inline">
          <input type="checkbox" checked={scoreView.actualCurve} onChange={(e) => scoreView.setActualCurve(e.target.checked)} />
          <span>{t('journey.scores.actualCurve')}</span>
        </label>
      </div>
      <div className="jm-group">
        <Button onClick={() => zoom.zoomBy(-1)} aria-label={t('journey.zoom.out')}>
          −
        </Button>
        <span className="jm-zoom-value" aria-live="polite">
          {fmt.percent(zoom.zoom)}
        </span>
        <Button onClick={() => zoom.zoomBy(1)} aria-label={t('journey.zoom.in')}>
          +
        </Button>
        <Button onClick={zoom.fit}>{t('journey.zoom.fit')}</Button>
      </div>
      <div className="jm-group">
        <Button onClick={onPresent}>{t('journey.present.start')}</Button>
        <Button onClick={onExport} disabled={exporting}>
          {exporting ? t('journey.export.working') : t('journey.export.png')}
        </Button>
        {/* The label stays put while the PDF is made (its width never changes): the button shows it is busy, and says so to screen readers. */}
        <Button onClick={pdf.start} disabled={pdf.running} aria-busy={pdf.running} className={pdf.running ? 'jm-busy' : undefined} title={pdf.running ? t('journey.export.pdfWorking') : undefined}>
          {t('journey.export.pdf')}
        </Button>
        <Button onClick={zoom.print}>{t('journey.print')}</Button>
      </div>
    </div>
  )
}
