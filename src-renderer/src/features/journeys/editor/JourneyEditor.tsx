import { useRef, useState } from 'react'
import type { WorkspaceInfo } from '../../../../../src-shared/api/workspace'
import { useI18n } from '../../../i18n/I18nProvider'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Loading } from '../../../components/Loading'
import { hrefFor } from '../../../platform/router'
import { CARD_DRAG_HELP_ID, MapEditingContext } from '../map/mapContext'
import { CardPanel } from './CardPanel'
import { CompareSummary } from './CompareSummary'
import type { EditorSnapshot, JourneyEditorStore } from './editorStore'
import { EditorHeader } from './EditorHeader'
import { EditorNotices } from './EditorNotices'
import { EditorToolbar } from './EditorToolbar'
import { MapViewport } from './MapViewport'
import { OtherVersionPane } from './OtherVersionPane'
import { PersonaPanel } from './PersonaPanel'
import { PresentationMode } from './PresentationMode'
import { RemovalNotice } from './RemovalNotice'
import { useCardDrag } from './useCardDrag'
import { useCardSelection } from './useCardSelection'
import { useCommandDispatch } from './useCommandDispatch'
import { useEditorActions } from './useEditorActions'
import { useEditorShortcuts } from './useEditorShortcuts'
import { useJourneyEditor } from './useJourneyEditor'
import { useMapDisplay } from './useMapDisplay'
import { useMapZoom } from './useMapZoom'
import { useOtherVersion } from './useOtherVersion'
import { usePngExport } from './usePngExport'
import { useMapPdf } from './useMapPdf'
import { MapPdfStatus } from './MapPdfStatus'
import { useRemovalNotice } from './useRemovalNotice'

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

/**
 * The editor of one loaded map. Its state lives in small hooks, one concern each (selection, edits
 * and their refusals, removals, the other version, what the map shows, zoom, export, card moves,
 * shortcuts); the parts of the page are components that receive what they show.
 */
function LoadedEditor({ store, snapshot, workspace, compare, reload }: { store: JourneyEditorStore; snapshot: EditorSnapshot; workspace: WorkspaceInfo; compare: boolean; reload: () => void }) {
  const { t, fmt, locale } = useI18n()
  const doc = snapshot.doc
  const viewport = useRef<HTMLDivElement>(null)
  const dragLayer = useRef<HTMLDivElement>(null)
  const announcer = useRef<HTMLDivElement>(null)
  const [presenting, setPresenting] = useState(false)
  const selection = useCardSelection()
  const { dispatch, commandError, dismissCommandError } = useCommandDispatch(store)
  const { removal, announceRemoval, announceRemovedCards, dismissRemoval } = useRemovalNotice(t)
  const { otherId, otherDoc, listLoaded } = useOtherVersion(doc, compare)
  const scoreView = useMapDisplay(doc, workspace.timezone, otherDoc)
  const { display, scores, heat, actualCurve } = scoreView
  const zoom = useMapZoom(viewport)
  const png = usePngExport()
  const pdf = useMapPdf()
  const cardDrag = useCardDrag(store, selection.selected, t, dispatch, { viewport, layer: dragLayer, announcer })
  const editing = useEditorActions(store, dispatch, selection, cardDrag, announceRemoval)
  useEditorShortcuts({ store, selected: selection.selected, setSelected: selection.setSelected, activeCell: selection.activeCell, onRemoved: announceRemovedCards, enabled: !presenting })

  const openCard = selection.openCardId ? doc.cards.find((c) => c.id === selection.openCardId) : undefined
  return (
    <MapEditingContext.Provider value={editing}>
      <div className="jm-page jm-editor">
        <EditorHeader doc={doc} snapshot={snapshot} store={store} dispatch={dispatch} reload={reload} otherId={otherId} listLoaded={listLoaded} compare={compare} />
        <EditorToolbar
          doc={doc}
          snapshot={snapshot}
          store={store}
          editing={editing}
          scoreView={scoreView}
          zoom={zoom}
          exporting={png.exporting}
          onExport={() => void png.exportPng(doc, { t, fmt, locale, scores, heat, actualCurve })}
          pdf={{ running: pdf.running, start: () => pdf.exportMapPdf(doc, scoreView.period, locale) }}
          onPresent={() => setPresenting(true)}
        />
        <EditorNotices
          scoresError={scores.error}
          exportError={png.exportError}
          onDismissExportError={png.dismissExportError}
          commandError={commandError}
          onDismissCommandError={dismissCommandError}
          stale={snapshot.stale}
          onReload={reload}
        />
        <MapPdfStatus pdf={pdf} />

        <PersonaPanel persona={doc.persona} onSave={(persona) => dispatch({ type: 'setPersona', persona })} onRemoved={(name) => announceRemoval(t('journey.removed.persona', { name }))} />
        {otherDoc && <CompareSummary doc={doc} otherDoc={otherDoc} />}

        <div className={`jm-workspace${openCard ? ' with-panel' : ''}${otherDoc ? ' comparing' : ''}`}>
          <MapViewport doc={doc} display={display} store={store} dispatch={dispatch} viewport={viewport} zoom={zoom.zoom} zoomBy={zoom.zoomBy} />
          {otherDoc && <OtherVersionPane doc={doc} otherDoc={otherDoc} display={display} zoom={zoom.zoom} />}
          {openCard && <CardPanel doc={doc} card={openCard} editing={editing} timezone={workspace.timezone} onClose={selection.closeCard} />}
        </div>
        {/* Card moves: the dragged card's preview, what a screen reader hears, and how to move a card with the keyboard. */}
        <div className="jm-drag-layer" ref={dragLayer} />
        <div className="sr-only" ref={announcer} role="status" aria-live="assertive" aria-atomic="true" data-testid="card-move-announcer" />
        <div className="sr-only" id={CARD_DRAG_HELP_ID}>
          {t('journey.drag.instructions')}
        </div>

        {removal && (
          <RemovalNotice
            what={removal}
            onUndo={() => {
              store.undo()
              dismissRemoval()
            }}
            onDismiss={dismissRemoval}
          />
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
