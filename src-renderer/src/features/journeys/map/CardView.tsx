import { memo, type KeyboardEvent } from 'react'
import type { Figure } from '../../../../../src-shared/api/metrics'
import type { Card } from '../../../../../src-shared/domain/journeys/model'
import type { MetricKind } from '../../../../../src-shared/domain/scores'
import { useI18n } from '../../../i18n/I18nProvider'
import type { CompareStatus } from '../compare/compareDocs'
import { heatOf } from '../scores/liveScores'
import { FormattedText, plainText } from './FormattedText'
import { Icon } from './icons'
import { CARD_DRAG_HELP_ID, useMapEditing } from './mapContext'

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
 * A card on the editable map: selectable, opens on Enter or a double-click, picked up with Space.
 * It has no drag hook: the editor moves cards with one pointer listener on the whole map
 * (editor/cardDrag.ts), so that a drag re-renders none of the 600 cards of a big map.
 */
export const EditableCard = memo(function EditableCard({ card, look, selected }: { card: Card; look: CardLook; selected: boolean }) {
  const editing = useMapEditing()
  const { t } = useI18n()
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    if (e.key === 'Enter') {
      e.preventDefault()
      editing?.openCard(card.id)
    } else if (e.key === ' ') {
      e.preventDefault()
      editing?.pickUp(card.id)
    }
  }
  return (
    <div
      role="button"
      tabIndex={0}
      aria-roledescription={t('journey.card.role')}
      aria-describedby={CARD_DRAG_HELP_ID}
      aria-pressed={selected}
      data-card-id={card.id}
      className={cardClass(card, look, selected ? ' jm-selected' : '')}
      onClick={(e) => editing?.select(card.id, e.shiftKey || e.ctrlKey || e.metaKey ? 'toggle' : 'replace')}
      onDoubleClick={() => editing?.openCard(card.id)}
      onFocus={() => editing?.setActiveCell(card.laneId, card.stepId)}
      onKeyDown={onKeyDown}
    >
      <CardBody card={card} look={look} />
    </div>
  )
})
