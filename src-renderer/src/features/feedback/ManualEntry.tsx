import { useState } from 'react'
import type { MetricKind } from '../../../../src-shared/domain/scores'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { Suggestions } from '../../components/Suggestions'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Modal } from '../../components/Modal'
import { DateField } from '../../components/DateField'
import { TimeField } from '../../components/TimeField'
import { MetricOptions } from '../../components/MetricOptions'

const SCALES: Record<MetricKind, [number, number]> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] }

function today(timezone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date())
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` }
}

/** A quick form for feedback that arrived by phone, in person or in a message. */
export function ManualEntry({ open, onClose, timezone, onCreated }: { open: boolean; onClose(): void; timezone: string; onCreated(id: number): void }) {
  const { t } = useI18n()
  const facets = useApiQuery('feedback.facets', {}, { staleTime: 60_000 })
  const create = useApiMutation('feedback.create')
  const [form, setForm] = useState(() => ({ ...today(timezone), metric: '' as MetricKind | '', score: '', comment: '', channel: 'phone', touchpoint: '', location: '', customerName: '', customerEmail: '', customerPhone: '' }))
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }))
  const scale = form.metric ? SCALES[form.metric] : null
  return (
    <Modal title={t('manual.title')} open={open} onClose={onClose}>
      <form
        className="form manual-form"
        onSubmit={(e) => {
          e.preventDefault()
          const opt = (v: string) => (v.trim() ? v.trim() : undefined)
          create.mutate(
            {
              date: form.date,
              time: form.time || undefined,
              metric: form.metric || undefined,
              score: form.metric && form.score !== '' ? Number(form.score) : undefined,
              comment: opt(form.comment),
              channel: opt(form.channel),
              touchpoint: opt(form.touchpoint),
              location: opt(form.location),
              customerName: opt(form.customerName),
              customerEmail: opt(form.customerEmail),
              customerPhone: opt(form.customerPhone),
            },
            { onSuccess: (r) => onCreated(r.id) },
          )
        }}
      >
        <p className="muted">{t('manual.intro')}</p>
        {create.error && <ErrorNotice error={create.error} />}
        <div className="form-grid">
          <label className="field">
            <span>{t('manual.date')}</span>
            <DateField required value={form.date} onChange={(date) => setForm((f) => ({ ...f, date }))} />
          </label>
          <label className="field">
            <span>{t('manual.time')}</span>
            <TimeField value={form.time} onChange={(time) => setForm((f) => ({ ...f, time }))} />
          </label>
          <label className="field">
            <span>{t('manual.metric')}</span>
            <select value={form.metric} onChange={set('metric')}>
              <option value="">{t('manual.noScore')}</option>
              <MetricOptions />
            </select>
          </label>
          {scale && (
            <label className="field">
              <span>
                {t('manual.score')} ({scale[0]}–{scale[1]})
              </span>
              <input type="number" required min={scale[0]} max={scale[1]} value={form.score} onChange={set('score')} />
            </label>
          )}
        </div>
        <label className="field">
          <span>{t('manual.comment')}</span>
          <textarea rows={3} maxLength={20000} value={form.comment} onChange={set('comment')} />
        </label>
        <div className="form-grid">
          {(['channel', 'touchpoint', 'location'] as const).map((k) => (
            <label key={k} className="field">
              <span>{t(`filter.${k}`)}</span>
              <input list={`manual-${k}`} maxLength={200} value={form[k]} onChange={set(k)} />
              <Suggestions id={`manual-${k}`} values={facets.data?.[k]} />
            </label>
          ))}
        </div>
        <div className="form-grid">
          <label className="field">
            <span>{t('manual.customerName')}</span>
            <input maxLength={200} value={form.customerName} onChange={set('customerName')} />
          </label>
          <label className="field">
            <span>{t('manual.customerEmail')}</span>
            <input type="email" maxLength={200} value={form.customerEmail} onChange={set('customerEmail')} />
          </label>
          <label className="field">
            <span>{t('manual.customerPhone')}</span>
            <input type="tel" maxLength={200} value={form.customerPhone} onChange={set('customerPhone')} />
          </label>
        </div>
        <div className="form-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={create.isPending || (!form.comment.trim() && form.score === '')}>
            {t('manual.save')}
          </Button>
        </div>
      </form>
    </Modal>
  )
}
