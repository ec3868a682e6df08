import { memo, useMemo, type KeyboardEvent } from 'react'
import { useDraggable, type DraggableAttributes, type DraggableSyntheticListeners } from '@dnd-kit/core'
import type { Figure } from '../../../../../src-shared/api/metrics'
import type { Card } from '../../../../../src-shared/domain/journeys/model'
import type { MetricKind } from '../../../../../src-shared/domain/scores'
import { useI18n } from '../../../i18n/I18nProvider'
import type { CompareStatus } from '../compare/compareDocs'
import { heatOf } from '../scores/liveScores'
import { FormattedText, plainText } from './FormattedText'
import { Icon } from './icons'
import { useMapEditing } from './mapContext'

export interface CardLook {
  figure?: Figure
  metric: MetricKind
  heat: boolean
  compare?: CompareStatus
  commentCount: number
}

/** What a card shows; drawn the same in the editor, the drag overlay, presentation and print. */
export const CardBody = memo(function CardBody({ card, look }: { card: Card; look: CardLook }) {
  const { t, fmt } = useI18n()
  const f = look.figure
  return (
    <>
      <div className="jm-card-top">
        {card.channel && <Icon name={card.channel} className="jm-card-channel" />}
        {card.icon !== 'none' && <Icon name={card.icon} />}
        {look.heat && f && f.value !== null && (
          <span className="jm-card-score">
            {t(`metric.${look.metric}`)} {look.metric === 'nps' ? fmt.signed(f.value) : fmt.number(f.value, 1)}
          </span>
        )}
        {look.compare && <span className={`jm-compare jm-compare-${look.compare}`}>{t(look.compare === 'changed' ? 'journey.compare.changed' : 'journey.compare.onlyHere')}</span>}
      </div>
      {card.image && <img className="jm-card-image" src={card.image} alt={plainText(card.text) || t('journey.card.image')} />}
      <div className="jm-card-text">{card.text ? <FormattedText text={card.text} /> : <span className="muted">{t('journey.card.empty')}</span>}</div>
      {(card.evidence.length > 0 || look.commentCount > 0 || card.link) && (
        <div className="jm-card-meta">
          {card.link && <span>{t('journey.card.linked')}</span>}
          {card.evidence.length > 0 && <span>{t('journey.card.evidenceCount', { count: card.evidence.length })}</span>}
          {look.commentCount > 0 && <span>{t('journey.card.commentCount', { count: look.commentCount })}</span>}
        </div>
      )}
    </>
  )
})

export function cardClass(card: Card, look: CardLook, extra = ''): string {
  const heat = look.heat && card.link ? ` jm-heat-${heatOf(look.metric, look.figure)}` : ''
  return `jm-card jm-color-${card.color}${heat}${look.compare ? ` jm-card-${look.compare}` : ''}${extra}`
}

/**
 * A card on the editable map: a drag source (pointer or keyboard), selectable, opens on Enter.
 * dnd-kit re-renders every draggable when a drag starts or ends and whenever the pointer enters
 * another cell, so this component only holds the drag hook; what it draws is `CardTile`, memoised
 * on props that stay the same through a drag (except for the dragged card's).
 */
export const EditableCard = memo(function EditableCard({ card, look, selected }: { card: Card; look: CardLook; selected: boolean }) {
  const data = useMemo(() => ({ type: 'card', cardId: card.id }), [card.id])
  const drag = useDraggable({ id: `card:${card.id}`, data })
  return <CardTile card={card} look={look} selected={selected} dragging={drag.isDragging} setNodeRef={drag.setNodeRef} attributes={drag.attributes} listeners={drag.listeners} />
})

interface CardTileProps {
  card: Card
  look: CardLook
  selected: boolean
  dragging: boolean
  setNodeRef: (el: HTMLElement | null) => void
  attributes: DraggableAttributes
  listeners: DraggableSyntheticListeners
}

const CardTile = memo(function CardTile({ card, look, selected, dragging, setNodeRef, attributes, listeners }: CardTileProps) {
  const editing = useMapEditing()
  const { t } = useI18n()
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && !e.altKey) {
      e.preventDefault()
      editing?.openCard(card.id)
    }
  }
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      aria-roledescription={t('journey.card.role')}
      aria-pressed={selected}
      data-card-id={card.id}
      className={cardClass(card, look, `${selected ? ' jm-selected' : ''}${dragging ? ' jm-dragging' : ''}`)}
      onClick={(e) => editing?.select(card.id, e.shiftKey || e.ctrlKey || e.metaKey ? 'toggle' : 'replace')}
      onDoubleClick={() => editing?.openCard(card.id)}
      onFocus={() => editing?.setActiveCell(card.laneId, card.stepId)}
      onKeyDown={(e) => {
        onKeyDown(e)
        listeners?.onKeyDown?.(e)
      }}
    >
      <CardBody card={card} look={look} />
    </div>
  )
})
