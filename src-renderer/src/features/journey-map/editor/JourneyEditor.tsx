import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react'
import { DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core'
import type { WorkspaceInfo } from '../../../../../src-shared/api/workspace'
import { filterToSearchParams } from '../../../../../src-shared/api/filters'
import { newId } from '../../../../../src-shared/domain/journeys/ids'
import { newCard } from '../../../../../src-shared/domain/journeys/cards'
import { laneTypes, type Card, type LaneType } from '../../../../../src-shared/domain/journeys/model'
import type { MetricKind } from '../../../../../src-shared/domain/scores'
import { useApi, useApiQuery } from '../../../api/hooks'
import { hrefFor, navigate } from '../../../platform/router'
import { useI18n } from '../../../i18n/I18nProvider'
import { Button } from '../../../components/Button'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { MetricOptions } from '../../../components/MetricOptions'
import { Loading } from '../../../components/Loading'
import { Notice } from '../../../components/Notice'
import { compareDocs, compareSummary } from '../compare/compareDocs'
import { renderMapPng } from '../export/renderMapPng'
import { safeFileName, saveBlob } from '../../../platform/saveFile'
import { addStage, NameInput } from '../map/Headers'
import { JourneyMapView } from '../map/JourneyMapView'
import { CARD_DRAG_HELP_ID, MapEditingContext, type MapDisplay, type MapEditing } from '../map/mapContext'
import { filterForLink, scorePeriods, type ScorePeriod } from '../scores/liveScores'
import { useLiveScores } from '../scores/useLiveScores'
import { CardPanel } from './CardPanel'
import type { EditorSnapshot, JourneyEditorStore } from './editorStore'
import { createCardDrag } from './cardDrag'
import { commandForDrop, mapAnnouncements, mapCollisions, mapKeyboardCoordinates } from './mapDnd'
import { PersonaPanel } from './PersonaPanel'
import { PresentationMode } from './PresentationMode'
import { SaveStatusBadge } from './SaveStatusBadge'
import { useEditorShortcuts } from './useEditorShortcuts'
import { useJourneyEditor } from './useJourneyEditor'
import { ActionMenu } from '../map/ActionMenu'

const ZOOMS = [0.4, 0.5, 0.6, 0.75, 0.9, 1, 1.15, 1.3, 1.5]
// dnd-kit moves stage and lane headers (cards move with cardDrag.ts). The sensors' options keep
// their identity across renders: given new ones, dnd-kit rebuilds its activators, and every header
// re-renders with them.
const POINTER_SENSOR = { activationConstraint: { distance: 6 } }
const KEYBOARD_SENSOR = { coordinateGetter: mapKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }

export function JourneyEditor({ id, workspace, compare }: { id: string; workspace: WorkspaceInfo; compare: boolean }) {
  const { t } = useI18n()
  const { store, snapshot, error, reload } = useJourneyEditor(id)
  if (error)
    return (
      <div className="jm-page">
        <a href={hrefFor('journeys')}>‹ {t('journey.backToList')}</a>
        <ErrorNotice error={error} />
      </div>
    )
  if (!store || !snapshot) return <Loading label={t('common.loading')} />
  return <LoadedEditor key={id} store={store} snapshot={snapshot} workspace={workspace} compare={compare} reload={reload} />
}

function LoadedEditor({ store, snapshot, workspace, compare, reload }: { store: JourneyEditorStore; snapshot: EditorSnapshot; workspace: WorkspaceInfo; compare: boolean; reload: () => void }) {
  const { t, fmt, locale } = useI18n()
  const api = useApi()
  const doc = snapshot.doc
  const [selected, setSelected] = useState<Set<string>>(() => new Set())
  const [openCardId, setOpenCardId] = useState<string | null>(null)
  const [activeCell, setActiveCell] = useState<{ laneId: string; stepId: string } | null>(null)
  const [zoom, setZoom] = useState(1)
  const [period, setPeriod] = useState<ScorePeriod>('12m')
  const [heat, setHeat] = useState(true)
  const [actualCurve, setActualCurve] = useState(true)
  const [presenting, setPresenting] = useState(false)
  const [removal, setRemoval] = useState<string | null>(null)
  const [commandError, setCommandError] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)
  const [exportError, setExportError] = useState<unknown>(null)
  const viewport = useRef<HTMLDivElement>(null)
  const dragLayer = useRef<HTMLDivElement>(null)
  const announcer = useRef<HTMLDivElement>(null)

  const scores = useLiveScores(doc, period, workspace.timezone)
  const list = useApiQuery('journeys.list', {})
  const otherId = doc.map.kind === 'to_be' ? doc.map.baseId : (list.data?.maps.find((m) => m.baseId === doc.map.id)?.id ?? null)
  const other = useApiQuery('journeys.get', { id: otherId ?? 'none0000' }, { enabled: compare && !!otherId })
  const otherDoc = compare && other.data ? other.data.doc : null

  const dispatch = useCallback<MapEditing['dispatch']>(
    (commands, opts) => {
      const problem = store.dispatch(commands, opts)
      setCommandError(problem ? problem.message : null)
      return problem
    },
    [store],
  )
  const announceRemoval = useCallback((what: string) => setRemoval(what), [])
  // Card drags run outside React (see cardDrag.ts); they read the selection and the language as they are when they start.
  const latest = useRef({ selected: selected as ReadonlySet<string>, t, dispatch })
  useEffect(() => {
    latest.current = { selected, t, dispatch }
  }, [selected, t, dispatch])
  const [cardDrag] = useState(() =>
    createCardDrag({
      doc: () => store.doc,
      selected: () => latest.current.selected,
      t: () => latest.current.t,
      dispatch: (command) => latest.current.dispatch(command),
      viewport: () => viewport.current,
      layer: () => dragLayer.current,
      announce: (text) => {
        if (announcer.current) announcer.current.textContent = text
      },
    }),
  )
  useEffect(() => (viewport.current ? cardDrag.listen(viewport.current) : undefined), [cardDrag])
  const onRemovedCards = useCallback((count: number) => setRemoval(t.plural('journey.removed.cards', count)), [t])
  const editing = useMemo<MapEditing>(
    () => ({
      dispatch,
      selected,
      select: (cardId, mode) =>
        setSelected((prev) => {
          if (mode === 'replace') return new Set([cardId])
          const next = new Set(prev)
          if (next.has(cardId)) next.delete(cardId)
          else next.add(cardId)
          return next
        }),
      openCard: (cardId) => {
        setOpenCardId(cardId)
        setSelected(new Set([cardId]))
        requestAnimationFrame(() => document.getElementById('jm-card-text')?.focus())
      },
      addCard: (laneId, stepId) => {
        const lane = store.doc.lanes.find((l) => l.id === laneId)
        const card = newCard(laneId, stepId, { color: lane?.type === 'pains' ? 'red' : lane?.type === 'ideas' ? 'green' : 'default', channel: lane?.type === 'touchpoints' ? 'other' : null })
        if (!dispatch({ type: 'addCards', cards: [card] })) {
          setOpenCardId(card.id)
          setSelected(new Set([card.id]))
          requestAnimationFrame(() => document.getElementById('jm-card-text')?.focus())
        }
      },
      setActiveCell: (laneId, stepId) => setActiveCell({ laneId, stepId }),
      pickUp: (cardId) => cardDrag.pickUp(cardId),
      announceRemoval,
    }),
    [dispatch, selected, store, announceRemoval, cardDrag],
  )

  useEditorShortcuts({ store, selected, setSelected, activeCell, onRemoved: onRemovedCards, enabled: !presenting })

  const openScore = useCallback(
    (card: Card) => {
      if (!card.link) return
      navigate('inbox', filterToSearchParams(filterForLink(card.link, doc.map.scoreMetric, scores.range.current)))
    },
    [doc.map.scoreMetric, scores.range],
  )
  const display: MapDisplay = useMemo(
    () => ({
      scores,
      heat,
      actualCurve,
      compare: otherDoc ? compareDocs(doc, otherDoc) : null,
      otherEmotions: otherDoc ? otherDoc.emotions : null,
      onOpenScore: openScore,
    }),
    [scores, heat, actualCurve, otherDoc, doc, openScore],
  )

  const sensors = useSensors(useSensor(PointerSensor, POINTER_SENSOR), useSensor(KeyboardSensor, KEYBOARD_SENSOR))
  const accessibility = useMemo(
    () => ({ announcements: mapAnnouncements(t, () => store.doc), screenReaderInstructions: { draggable: t('journey.drag.instructions') } }),
    [t, store],
  )
  const exportPng = async () => {
    setExporting(true)
    setExportError(null)
    try {
      const blob = await renderMapPng(doc, { t, fmt, locale, scores, heat, actualCurve })
      saveBlob(blob, `${safeFileName(doc.map.name, 'journey')}.png`)
    } catch (e) {
      setExportError(e)
    } finally {
      setExporting(false)
    }
  }
  const print = () => {
    const before = zoom
    const width = viewport.current?.scrollWidth ? viewport.current.scrollWidth / zoom : 1000
    setZoom(Math.min(1, 1000 / width))
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        window.print()
        setZoom(before)
      }),
    )
  }
  // Pan: drag the map's background (or use the middle button anywhere) to scroll a large map.
  const startPan = (e: ReactPointerEvent<HTMLDivElement>) => {
    const el = viewport.current
    const onBackground = !(e.target as HTMLElement).closest('.jm-card, button, input, textarea, select, a, .jm-curve, .jm-score')
    if (!el || !(e.button === 1 || (e.button === 0 && onBackground))) return
    e.preventDefault()
    const start = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop }
    const move = (ev: PointerEvent) => el.scrollTo(start.left - (ev.clientX - start.x), start.top - (ev.clientY - start.y))
    const up = () => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
      el.classList.remove('jm-panning')
    }
    el.classList.add('jm-panning')
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
  }
  const zoomBy = (d: number) => setZoom((z) => ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, ZOOMS.findIndex((x) => x >= z - 0.001) + d))])
  const fit = () => {
    const el = viewport.current
    if (!el) return
    const natural = el.scrollWidth / zoom
    setZoom(Math.max(0.4, Math.min(1, (el.clientWidth - 8) / natural)))
  }
  const addLane = (type: LaneType) => dispatch({ type: 'addLane', lane: { id: newId(), type, name: t(`journey.laneType.${type}`) } })
  const openCard = openCardId ? doc.cards.find((c) => c.id === openCardId) : undefined
  const summary = otherDoc ? (doc.map.kind === 'to_be' ? compareSummary(otherDoc, doc) : compareSummary(doc, otherDoc)) : null
  const mapHref = (mapId: string, params: Record<string, string> = {}) => hrefFor('journeys', new URLSearchParams({ map: mapId, ...params }))

  const createToBe = async () => {
    const made = await api.call('journeys.duplicate', { id: doc.map.id, name: t('journey.version.toBeName', { name: doc.map.name }), asToBe: true })
    await store.settled()
    navigate('journeys', new URLSearchParams({ map: made.id }))
  }

  return (
    <MapEditingContext.Provider value={editing}>
      <div className="jm-page jm-editor">
        <div className="jm-head">
          <a className="jm-back" href={hrefFor('journeys')}>
            ‹ {t('journey.backToList')}
          </a>
          <NameInput className="jm-title" value={doc.map.name} label={t('journey.map.name')} onSave={(name) => name.trim() && dispatch({ type: 'updateMap', patch: { name } })} />
          <span className={`badge jm-kind-${doc.map.kind}`}>{t(`journey.kind.${doc.map.kind}`)}</span>
          <nav className="jm-versions" aria-label={t('journey.version.label')}>
            {doc.map.kind === 'to_be' && doc.map.baseId && <a href={mapHref(doc.map.baseId)}>{t('journey.version.openAsIs')}</a>}
            {doc.map.kind === 'as_is' && otherId && <a href={mapHref(otherId)}>{t('journey.version.openToBe')}</a>}
            {otherId && (
              <a href={mapHref(doc.map.id, compare ? {} : { compare: '1' })}>
                {compare ? t('journey.version.hideCompare') : t('journey.version.compare')}
              </a>
            )}
            {doc.map.kind === 'as_is' && !otherId && list.data && <Button onClick={() => void createToBe()}>{t('journey.version.createToBe')}</Button>}
          </nav>
          <SaveStatusBadge snapshot={snapshot} onRetry={() => void store.flush()} onReload={reload} />
        </div>
        <label className="jm-scenario">
          <span className="sr-only">{t('journey.map.scenario')}</span>
          <NameInput value={doc.map.scenario} label={t('journey.map.scenario')} placeholder={t('journey.map.scenarioPlaceholder')} onSave={(scenario) => dispatch({ type: 'updateMap', patch: { scenario } })} />
        </label>

        <div className="jm-toolbar" role="toolbar" aria-label={t('journey.toolbar')}>
          <Button onClick={() => store.undo()} disabled={!snapshot.canUndo} title={t('journey.undoKey')}>
            ↶ {t('journey.undo')}
          </Button>
          <Button onClick={() => store.redo()} disabled={!snapshot.canRedo} title={t('journey.redoKey')}>
            ↷ {t('journey.redo')}
          </Button>
          <span className="jm-sep" />
          <Button onClick={() => addStage(editing, t('journey.stage.new'))}>+ {t('journey.stage.add')}</Button>
          <ActionMenu label={t('journey.lane.add')} trigger={`+ ${t('journey.lane.add')}`} className="jm-add-lane" actions={laneTypes.map((type) => ({ label: t(`journey.laneType.${type}`), onSelect: () => addLane(type) }))} />
          <span className="jm-sep" />
          <label className="jm-inline">
            <span>{t('journey.scores.metric')}</span>
            <select value={doc.map.scoreMetric} onChange={(e) => dispatch({ type: 'updateMap', patch: { scoreMetric: e.target.value as MetricKind } })}>
              <MetricOptions />
            </select>
          </label>
          <label className="jm-inline">
            <span>{t('journey.scores.period')}</span>
            <select value={period} onChange={(e) => setPeriod(e.target.value as ScorePeriod)}>
              {scorePeriods.map((p) => (
                <option key={p} value={p}>
                  {t(`journey.scores.period.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="jm-inline">
            <input type="checkbox" checked={heat} onChange={(e) => setHeat(e.target.checked)} />
            <span>{t('journey.scores.heat')}</span>
          </label>
          <label className="jm-inline">
            <input type="checkbox" checked={actualCurve} onChange={(e) => setActualCurve(e.target.checked)} />
            <span>{t('journey.scores.actualCurve')}</span>
          </label>
          <span className="jm-sep" />
          <Button onClick={() => zoomBy(-1)} aria-label={t('journey.zoom.out')}>
            −
          </Button>
          <span className="jm-zoom-value" aria-live="polite">
            {fmt.percent(zoom)}
          </span>
          <Button onClick={() => zoomBy(1)} aria-label={t('journey.zoom.in')}>
            +
          </Button>
          <Button onClick={fit}>{t('journey.zoom.fit')}</Button>
          <span className="jm-sep" />
          <Button onClick={() => setPresenting(true)}>{t('journey.present.start')}</Button>
          <Button onClick={() => void exportPng()} disabled={exporting}>
            {exporting ? t('journey.export.working') : t('journey.export.png')}
          </Button>
          <Button onClick={print}>{t('journey.print')}</Button>
        </div>

        {scores.error != null && <ErrorNotice error={scores.error} />}
        {exportError != null && <ErrorNotice error={exportError} onDismiss={() => setExportError(null)} />}
        {commandError && (
          <Notice tone="error" onDismiss={() => setCommandError(null)} dismissLabel={t('common.dismiss')}>
            {t('journey.commandFailed', { message: commandError })}
          </Notice>
        )}
        {snapshot.stale && (
          <Notice tone="info">
            {t('journey.stale')} <Button onClick={reload}>{t('journey.reload')}</Button>
          </Notice>
        )}

        <PersonaPanel persona={doc.persona} onSave={(persona) => dispatch({ type: 'setPersona', persona })} />

        {summary && (
          <p className="jm-compare-summary" data-testid="compare-summary">
            {t('journey.compare.summary', { added: t.plural('journey.compare.added', summary.added), removed: fmt.integer(summary.removed), changed: fmt.integer(summary.changed) })}
            {summary.emotionDelta !== null && ` ${t('journey.compare.emotion', { delta: fmt.signed(summary.emotionDelta) })}`}
          </p>
        )}

        <div className={`jm-workspace${openCard ? ' with-panel' : ''}${otherDoc ? ' comparing' : ''}`}>
          <DndContext
            sensors={sensors}
            collisionDetection={mapCollisions}
            accessibility={accessibility}
            onDragEnd={(e) => {
              const cmd = commandForDrop(store.doc, e)
              if (cmd) dispatch(cmd)
            }}
          >
            <div className="jm-viewport" ref={viewport} onWheel={(e) => e.ctrlKey && (e.preventDefault(), zoomBy(e.deltaY > 0 ? -1 : 1))} onPointerDown={startPan} tabIndex={-1}>
              <div className="jm-zoom" style={{ zoom }}>
                <JourneyMapView doc={doc} display={display} label={t('journey.map.label', { name: doc.map.name })} />
              </div>
            </div>
          </DndContext>
          {otherDoc && (
            <section className="jm-other" aria-label={t('journey.version.other', { name: otherDoc.map.name })}>
              <h2>
                {otherDoc.map.name} <span className={`badge jm-kind-${otherDoc.map.kind}`}>{t(`journey.kind.${otherDoc.map.kind}`)}</span>
              </h2>
              <div className="jm-viewport">
                <div className="jm-zoom" style={{ zoom: Math.min(zoom, 0.75) }}>
                  <MapEditingContext.Provider value={null}>
                    <JourneyMapView doc={otherDoc} display={{ ...display, compare: compareDocs(otherDoc, doc), otherEmotions: doc.emotions }} label={t('journey.map.label', { name: otherDoc.map.name })} />
                  </MapEditingContext.Provider>
                </div>
              </div>
            </section>
          )}
          {openCard && <CardPanel doc={doc} card={openCard} editing={editing} timezone={workspace.timezone} onClose={() => setOpenCardId(null)} />}
        </div>
        {/* Card moves: the dragged card's preview, what a screen reader hears, and how to move a card with the keyboard. */}
        <div className="jm-drag-layer" ref={dragLayer} />
        <div className="sr-only" ref={announcer} role="status" aria-live="assertive" aria-atomic="true" data-testid="card-move-announcer" />
        <div className="sr-only" id={CARD_DRAG_HELP_ID}>
          {t('journey.drag.instructions')}
        </div>

        {removal && (
          <div className="menu-notices">
            <Notice tone="info" onDismiss={() => setRemoval(null)} dismissLabel={t('common.dismiss')}>
              {removal}{' '}
              <Button
                onClick={() => {
                  store.undo()
                  setRemoval(null)
                }}
              >
                {t('journey.undo')}
              </Button>
            </Notice>
          </div>
        )}
        {presenting && (
          <MapEditingContext.Provider value={null}>
            <PresentationMode doc={doc} display={display} onExit={() => setPresenting(false)} />
          </MapEditingContext.Provider>
        )}
      </div>
    </MapEditingContext.Provider>
  )
}
