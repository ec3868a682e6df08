import { memo, useCallback, useEffect, useMemo, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react'
import { useDraggable, useDroppable } from '@dnd-kit/core'
import { cardColors, type JourneyDoc, type Lane, type Stage, type Step } from '../../../../../src-shared/domain/journeys/model'
import { newId } from '../../../../../src-shared/domain/journeys/ids'
import { stepsOf } from '../../../../../src-shared/domain/journeys/grid'
import { useI18n } from '../../../i18n/I18nProvider'
import { ActionMenu } from './ActionMenu'
import { Icon } from './icons'
import { useMapEditing, type MapEditing } from './mapContext'
import { laneHeadSelector, reveal, stageHeadSelector, stepHeadSelector } from './reveal'

/** A name edited in place: saved when the field is left or Enter is pressed, Escape puts the old name back. */
export function NameInput({ value, label, onSave, className, placeholder, multiline }: { value: string; label: string; onSave: (v: string) => void; className?: string; placeholder?: string; multiline?: boolean }) {
  const [draft, setDraft] = useState(value)
  useEffect(() => setDraft(value), [value])
  const props = {
    className: `jm-name${multiline ? ' jm-name-multi' : ''}${className ? ` ${className}` : ''}`,
    value: draft,
    'aria-label': label,
    placeholder,
    maxLength: 200,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value.replace(/\n/g, ' ')),
    onBlur: () => draft !== value && onSave(draft),
    onPointerDown: (e: { stopPropagation(): void }) => e.stopPropagation(),
    onKeyDown: (e: ReactKeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      e.stopPropagation()
      const field = e.currentTarget
      if (e.key === 'Enter') {
        e.preventDefault()
        field.blur()
      }
      if (e.key === 'Escape') {
        setDraft(value)
        requestAnimationFrame(() => field.blur())
      }
    },
  }
  // Long lane names (and Thai ones) wrap instead of being cut off.
  return multiline ? <textarea rows={2} {...props} /> : <input {...props} />
}

/**
 * dnd-kit gives every drop target a ResizeObserver for the length of each drag, to re-measure it
 * when it changes size. Nothing on the map changes size while a header is dragged (it stays in its
 * place, drawn faded), so the header slots need none.
 */
const NO_RESIZE_OBSERVER = { disabled: true }

/**
 * A stage or lane header is both a drag source and a drop target. dnd-kit re-renders all of them
 * when a drag starts or ends and whenever the pointer enters another target, so a header holds only
 * the hooks, its class and its handle; its name field and menu are memoised separately.
 */
function useReorderable(kind: 'stage' | 'lane', id: string) {
  const dragData = useMemo(() => ({ type: kind, id }), [kind, id])
  const dropData = useMemo(() => ({ type: `${kind}-slot`, id }), [kind, id])
  const drag = useDraggable({ id: `${kind}:${id}`, data: dragData })
  const drop = useDroppable({ id: `${kind}-slot:${id}`, data: dropData, resizeObserverConfig: NO_RESIZE_OBSERVER })
  const { setNodeRef: setDragRef } = drag
  const { setNodeRef: setDropRef } = drop
  const ref = useCallback((el: HTMLElement | null) => (setDragRef(el), setDropRef(el)), [setDragRef, setDropRef])
  return { drag, drop, ref }
}

export function StageHeader({ doc, stage, index, span }: { doc: JourneyDoc; stage: Stage; index: number; span: number }) {
  const { t } = useI18n()
  const editing = useMapEditing()
  const r = useReorderable('stage', stage.id)
  const className = `jm-stage jm-stage-${stage.color}${r.drop.isOver ? ' jm-drop-before' : ''}${r.drag.isDragging ? ' jm-dragging' : ''}`
  const style = { gridColumn: `span ${span}` }
  if (!editing)
    return (
      <div className={className} style={style}>
        <span className="jm-stage-name">{stage.name}</span>
      </div>
    )
  const name = stage.name || t('journey.stage.unnamed', { n: index + 1 })
  return (
    <div className={className} style={style} ref={r.ref} data-stage-head={stage.id}>
      <button type="button" className="jm-handle" {...r.drag.listeners} {...r.drag.attributes} aria-label={t('journey.stage.drag', { name })} aria-roledescription={t('journey.drag.role')}>
        ⠿
      </button>
      <StageControls doc={doc} stage={stage} index={index} editing={editing} />
    </div>
  )
}

const StageControls = memo(function StageControls({ doc, stage, index, editing }: { doc: JourneyDoc; stage: Stage; index: number; editing: MapEditing }) {
  const { t } = useI18n()
  const name = stage.name || t('journey.stage.unnamed', { n: index + 1 })
  const steps = stepsOf(doc, stage.id)
  return (
    <>
      <NameInput value={stage.name} label={t('journey.stage.name')} onSave={(v) => editing.dispatch({ type: 'updateStage', id: stage.id, patch: { name: v } })} className="jm-stage-name" placeholder={name} />
      <ActionMenu
        label={t('journey.stage.menu', { name })}
        actions={[
          { label: t('journey.stage.addStep'), onSelect: () => addStep(editing, stage.id, t('journey.step.unnamed', { n: steps.length + 1 })) },
          { label: t('journey.stage.addAfter'), onSelect: () => addStage(editing, t('journey.stage.new'), index + 1) },
          { label: t('journey.moveLeft'), disabled: index === 0, onSelect: () => editing.dispatch({ type: 'moveStage', id: stage.id, toIndex: index - 1 }) },
          { label: t('journey.moveRight'), disabled: index === doc.stages.length - 1, onSelect: () => editing.dispatch({ type: 'moveStage', id: stage.id, toIndex: index + 1 }) },
          ...cardColors
            .filter((c) => c !== 'default' && c !== stage.color)
            .slice(0, 6)
            .map((color) => ({ label: t('journey.stage.color', { color: t(`journey.color.${color}`) }), onSelect: () => editing.dispatch({ type: 'updateStage', id: stage.id, patch: { color } }) })),
          {
            label: t('journey.stage.delete'),
            danger: true,
            onSelect: () => {
              editing.dispatch({ type: 'deleteStage', id: stage.id })
              editing.announceRemoval(t('journey.removed.stage', { name }))
            },
          },
        ]}
      />
    </>
  )
})

type Dispatching = Pick<MapEditing, 'dispatch'>

/** A new stage (with its one step), brought into view with the cursor in its name. */
export function addStage(editing: Dispatching, name: string, index?: number) {
  const id = newId()
  if (!editing.dispatch({ type: 'addStage', stage: { id, name, color: 'blue' }, step: { id: newId(), stageId: id, name: '' }, index }))
    reveal({ selector: stageHeadSelector(id), focus: 'input' })
}

/** A new step of a stage, brought into view with the cursor in its name. */
export function addStep(editing: Dispatching, stageId: string, name: string, index?: number) {
  const id = newId()
  if (!editing.dispatch({ type: 'addStep', step: { id, stageId, name }, index })) reveal({ selector: stepHeadSelector(id), focus: 'input' })
}

/** A new lane, brought into view with the cursor in its name. */
export function addLane(editing: Dispatching, lane: Lane, index?: number) {
  if (!editing.dispatch({ type: 'addLane', lane, index })) reveal({ selector: laneHeadSelector(lane.id), focus: 'textarea' })
}

export function StepHeader({ doc, step, index, number }: { doc: JourneyDoc; step: Step; index: number; number: number }) {
  const { t } = useI18n()
  const editing = useMapEditing()
  const siblings = stepsOf(doc, step.stageId)
  const name = step.name || t('journey.step.unnamed', { n: number })
  if (!editing)
    return (
      <div className="jm-step">
        {step.name}
      </div>
    )
  return (
    <div className="jm-step" data-step-head={step.id}>
      <NameInput value={step.name} label={t('journey.step.name')} onSave={(v) => editing.dispatch({ type: 'updateStep', id: step.id, patch: { name: v } })} placeholder={siblings.length > 1 ? name : ''} />
      <ActionMenu
        label={t('journey.step.menu', { name })}
        actions={[
          { label: t('journey.step.addAfter'), onSelect: () => addStep(editing, step.stageId, t('journey.step.unnamed', { n: siblings.length + 1 }), index + 1) },
          { label: t('journey.moveLeft'), disabled: index === 0, onSelect: () => editing.dispatch({ type: 'moveStep', id: step.id, toIndex: index - 1 }) },
          { label: t('journey.moveRight'), disabled: index === siblings.length - 1, onSelect: () => editing.dispatch({ type: 'moveStep', id: step.id, toIndex: index + 1 }) },
          {
            label: t('journey.step.delete'),
            danger: true,
            disabled: siblings.length === 1,
            onSelect: () => {
              editing.dispatch({ type: 'deleteStep', id: step.id })
              editing.announceRemoval(t('journey.removed.step', { name }))
            },
          },
        ]}
      />
    </div>
  )
}

export function LaneHeader({ doc, lane, index, legend }: { doc: JourneyDoc; lane: Lane; index: number; legend?: ReactNode }) {
  const { t } = useI18n()
  const editing = useMapEditing()
  const r = useReorderable('lane', lane.id)
  const className = `jm-lane-head jm-lane-${lane.type}${r.drop.isOver ? ' jm-drop-before' : ''}${r.drag.isDragging ? ' jm-dragging' : ''}`
  const name = lane.name || t(`journey.laneType.${lane.type}`)
  if (!editing)
    return (
      <div className={className}>
        <Icon name={lane.type} />
        <span className="jm-lane-name">{lane.name}</span>
        {legend}
      </div>
    )
  return (
    <div className={className} ref={r.ref} data-lane-head={lane.id}>
      <div className="jm-lane-title">
        <button type="button" className="jm-handle" {...r.drag.listeners} {...r.drag.attributes} aria-label={t('journey.lane.drag', { name })} aria-roledescription={t('journey.drag.role')}>
          ⠿
        </button>
        <Icon name={lane.type} />
        <LaneControls doc={doc} lane={lane} index={index} editing={editing} />
      </div>
      {legend}
    </div>
  )
}

const LaneControls = memo(function LaneControls({ doc, lane, index, editing }: { doc: JourneyDoc; lane: Lane; index: number; editing: MapEditing }) {
  const { t } = useI18n()
  const name = lane.name || t(`journey.laneType.${lane.type}`)
  return (
    <>
      <NameInput multiline value={lane.name} label={t('journey.lane.name')} onSave={(v) => editing.dispatch({ type: 'updateLane', id: lane.id, patch: { name: v } })} placeholder={t(`journey.laneType.${lane.type}`)} />
      <ActionMenu
        label={t('journey.lane.menu', { name })}
        actions={[
          { label: t('journey.moveUp'), disabled: index === 0, onSelect: () => editing.dispatch({ type: 'moveLane', id: lane.id, toIndex: index - 1 }) },
          { label: t('journey.moveDown'), disabled: index === doc.lanes.length - 1, onSelect: () => editing.dispatch({ type: 'moveLane', id: lane.id, toIndex: index + 1 }) },
          {
            label: t('journey.lane.delete'),
            danger: true,
            onSelect: () => {
              editing.dispatch({ type: 'deleteLane', id: lane.id })
              editing.announceRemoval(t('journey.removed.lane', { name }))
            },
          },
        ]}
      />
    </>
  )
})
