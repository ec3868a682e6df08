import { useMemo, type RefObject } from 'react'
import { DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core'
import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import { useI18n } from '../../../i18n/I18nProvider'
import { JourneyMapView } from '../map/JourneyMapView'
import type { MapDisplay, MapEditing } from '../map/mapContext'
import type { JourneyEditorStore } from './editorStore'
import { startPan } from './mapPan'
import { commandForDrop, mapAnnouncements, mapCollisions, mapKeyboardCoordinates } from './mapDnd'

// dnd-kit moves stage and lane headers (cards move with cardDrag.ts). The sensors' options keep
// their identity across renders: given new ones, dnd-kit rebuilds its activators, and every header
// re-renders with them.
const POINTER_SENSOR = { activationConstraint: { distance: 6 } }
const KEYBOARD_SENSOR = { coordinateGetter: mapKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }

interface Props {
  doc: JourneyDoc
  display: MapDisplay
  store: JourneyEditorStore
  dispatch: MapEditing['dispatch']
  viewport: RefObject<HTMLDivElement | null>
  zoom: number
  zoomBy: (by: number) => void
}

/** The editable map in its scrolling, zoomable viewport: header drags, Ctrl+wheel zoom, and panning. */
export function MapViewport({ doc, display, store, dispatch, viewport, zoom, zoomBy }: Props) {
  const { t } = useI18n()
  const sensors = useSensors(useSensor(PointerSensor, POINTER_SENSOR), useSensor(KeyboardSensor, KEYBOARD_SENSOR))
  const accessibility = useMemo(
    () => ({ announcements: mapAnnouncements(t, () => store.doc), screenReaderInstructions: { draggable: t('journey.drag.instructions') } }),
    [t, store],
  )
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={mapCollisions}
      accessibility={accessibility}
      onDragEnd={(e) => {
        const cmd = commandForDrop(store.doc, e)
        if (cmd) dispatch(cmd)
      }}
    >
      <div className="jm-viewport" ref={viewport} onWheel={(e) => e.ctrlKey && (e.preventDefault(), zoomBy(e.deltaY > 0 ? -1 : 1))} onPointerDown={(e) => startPan(e, viewport.current)} tabIndex={-1}>
        <div className="jm-zoom" style={{ zoom }}>
          <JourneyMapView doc={doc} display={display} label={t('journey.map.label', { name: doc.map.name })} />
        </div>
      </div>
    </DndContext>
  )
}
