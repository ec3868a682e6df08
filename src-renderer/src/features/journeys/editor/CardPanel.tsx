import { useEffect, useState } from 'react'
import { cardColors, cardIcons, channelKinds, type Card, type JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import { newId } from '../../../../../src-shared/domain/journeys/ids'
import type { CardPatch } from '../../../../../src-shared/domain/journeys/commands'
import { useApiQuery } from '../../../api/hooks'
import { useI18n } from '../../../i18n/I18nProvider'
import { useChannelLabel } from '../../../i18n/channelLabels'
import { Button } from '../../../components/Button'
import type { MapEditing } from '../map/mapContext'
import { EvidencePicker } from './EvidencePicker'
import { ImagePicker } from './ImagePicker'

const AUTHOR_KEY = 'cxdesk.journey.author'

/** Everything about one card: text, look, channel and score link, picture, evidence and the workshop's comments. */
export function CardPanel({ doc, card, editing, timezone, onClose }: { doc: JourneyDoc; card: Card; editing: MapEditing; timezone: string; onClose: () => void }) {
  const { t, fmt } = useI18n()
  const channelName = useChannelLabel()
  const lane = doc.lanes.find((l) => l.id === card.laneId)
  const [text, setText] = useState(card.text)
  const [comment, setComment] = useState('')
  const [author, setAuthor] = useState(() => localStorage.getItem(AUTHOR_KEY) ?? '')
  useEffect(() => setText(card.text), [card.id, card.text])
  const update = (patch: CardPatch, key?: string) =>
    editing.dispatch({ type: 'updateCard', id: card.id, patch }, key ? { coalesceKey: `${key}:${card.id}` } : undefined)
  const isTouchpoint = lane?.type === 'touchpoints'
  const setLink = (link: { touchpoint: string | null; channel: string | null }) => update({ link: link.touchpoint || link.channel ? link : null })
  const linkable = useApiQuery('journeys.linkableValues', {}, { enabled: isTouchpoint, staleTime: 60_000 })
  const comments = doc.comments.filter((m) => m.cardId === card.id)

  return (
    <aside className="jm-panel" aria-label={t('journey.panel.title')}>
      <header className="jm-panel-head">
        <h2>{t('journey.panel.title')}</h2>
        <span className="muted">{lane?.name}</span>
        <Button variant="ghost" onClick={onClose} aria-label={t('common.close')}>
          ×
        </Button>
      </header>

      <label className="field">
        <span>{t('journey.panel.text')}</span>
        <textarea
          id="jm-card-text"
          rows={4}
          maxLength={2000}
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            update({ text: e.target.value }, 'text')
          }}
        />
        <span className="muted jm-hint">{t('journey.panel.formatHint')}</span>
      </label>

      <fieldset className="jm-swatches">
        <legend>{t('journey.panel.color')}</legend>
        {cardColors.map((c) => (
          <label key={c} className={`jm-swatch jm-color-${c}`} title={t(`journey.color.${c}`)}>
            <input type="radio" name="card-color" checked={card.color === c} onChange={() => update({ color: c })} aria-label={t(`journey.color.${c}`)} />
          </label>
        ))}
      </fieldset>

      <label className="field">
        <span>{t('journey.panel.icon')}</span>
        <select value={card.icon} onChange={(e) => update({ icon: e.target.value as Card['icon'] })}>
          {cardIcons.map((i) => (
            <option key={i} value={i}>
              {t(`journey.icon.${i}`)}
            </option>
          ))}
        </select>
      </label>

      {isTouchpoint && (
        <>
          <label className="field">
            <span>{t('journey.panel.channel')}</span>
            <select value={card.channel ?? 'other'} onChange={(e) => update({ channel: e.target.value as Card['channel'] })}>
              {channelKinds.map((c) => (
                <option key={c} value={c}>
                  {channelName(c)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="jm-link">
            <legend>{t('journey.panel.link')}</legend>
            <p className="muted jm-hint">{t('journey.panel.linkHint')}</p>
            <LinkSelect
              label={t('journey.panel.linkTouchpoint')}
              emptyLabel={t('journey.panel.none')}
              value={card.link?.touchpoint ?? null}
              options={linkable.data?.touchpoints ?? []}
              onChange={(touchpoint) => setLink({ touchpoint, channel: card.link?.channel ?? null })}
            />
            <LinkSelect
              label={t('journey.panel.linkChannel')}
              emptyLabel={t('journey.panel.anyChannel')}
              value={card.link?.channel ?? null}
              options={linkable.data?.channels ?? []}
              optionLabel={channelName}
              onChange={(channel) => setLink({ touchpoint: card.link?.touchpoint ?? null, channel })}
            />
            {linkable.data && linkable.data.touchpoints.length === 0 && <p className="muted">{t('journey.panel.noFeedback')}</p>}
          </fieldset>
        </>
      )}

      <ImagePicker label={t('journey.panel.image')} removeLabel={t('journey.panel.removeImage')} value={card.image} maxSide={640} onChange={(image) => update({ image })} previewClass="jm-panel-image" />

      <EvidencePicker card={card} onChange={(evidence) => update({ evidence })} timezone={timezone} />

      <section className="jm-comments" aria-label={t('journey.comments.title')}>
        <h3>{t('journey.comments.title')}</h3>
        {comments.length === 0 && <p className="muted">{t('journey.comments.none')}</p>}
        <ul>
          {comments.map((m) => (
            <li key={m.id}>
              <div className="jm-comment-head">
                <strong>{m.author || t('journey.comments.anonymous')}</strong>
                <time className="muted">{fmt.dateTime(m.createdAt, timezone)}</time>
                <Button variant="ghost" className="jm-comment-delete" aria-label={t('journey.comments.delete')} onClick={() => editing.dispatch({ type: 'deleteComment', id: m.id })}>
                  ×
                </Button>
              </div>
              <p>{m.body}</p>
            </li>
          ))}
        </ul>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault()
            if (!comment.trim()) return
            localStorage.setItem(AUTHOR_KEY, author)
            editing.dispatch({ type: 'addComment', comment: { id: newId(), cardId: card.id, author: author.trim(), body: comment.trim(), createdAt: Date.now() } })
            setComment('')
          }}
        >
          <label className="field">
            <span>{t('journey.comments.author')}</span>
            <input value={author} maxLength={200} onChange={(e) => setAuthor(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('journey.comments.new')}</span>
            <textarea rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
          </label>
          <Button type="submit" disabled={!comment.trim()}>
            {t('journey.comments.add')}
          </Button>
        </form>
      </section>

      <div className="form-actions">
        <Button
          variant="danger"
          onClick={() => {
            editing.dispatch({ type: 'deleteCards', ids: [card.id] })
            editing.announceRemoval(t('journey.removed.card'))
            onClose()
          }}
        >
          {t('journey.card.delete')}
        </Button>
      </div>
    </aside>
  )
}

/** A feedback touchpoint or channel to score the card by, with how many responses each has. */
function LinkSelect({
  label,
  emptyLabel,
  value,
  options,
  optionLabel = (v) => v,
  onChange,
}: {
  label: string
  emptyLabel: string
  value: string | null
  options: { value: string; n: number }[]
  /** Words for a value (a channel code reads as its label); the value itself otherwise. */
  optionLabel?: (value: string) => string
  onChange: (v: string | null) => void
}) {
  const { t } = useI18n()
  // The value the card already has stays choosable when the feedback no longer contains it.
  const all = value && !options.some((o) => o.value === value) ? [{ value, n: 0 }, ...options] : options
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{emptyLabel}</option>
        {all.map((o) => (
          <option key={o.value} value={o.value}>
            {t('journey.panel.valueWithN', { value: optionLabel(o.value), n: t.plural('count.responses', o.n) })}
          </option>
        ))}
      </select>
    </label>
  )
}
