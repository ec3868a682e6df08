import { useState, type FormEvent } from 'react'
import type { CustomerInput } from '../../../../src-shared/api/customers'
import type { Customer } from '../../../../src-shared/api/feedback'
import type { MessageKey } from '../../../../src-shared/i18n/en'
import { useApiMutation } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { DateField } from '../../components/DateField'
import { ErrorNotice } from '../../components/ErrorNotice'

const textFields = ['name', 'email', 'phone', 'ref', 'segment', 'location'] as const

/** Adds a customer (no `customer`) or edits one; the answer names customers sharing the e-mail or phone. */
export function CustomerForm({ customer, onDone, onCancel }: { customer: Customer | null; onDone(saved: Customer, sharesWith: string[]): void; onCancel(): void }) {
  const { t } = useI18n()
  const save = useApiMutation('customers.save')
  const [form, setForm] = useState<CustomerInput>({
    ref: customer?.ref ?? null,
    name: customer?.name ?? null,
    email: customer?.email ?? null,
    phone: customer?.phone ?? null,
    segment: customer?.segment ?? null,
    location: customer?.location ?? null,
    customerSince: customer?.customerSince ?? null,
    churnedAt: customer?.churnedAt ?? null,
  })
  const [reason, setReason] = useState('')
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const r = await save.mutateAsync({ id: customer?.id, customer: form, ...(customer && reason.trim() ? { reason: reason.trim() } : {}) }).catch(() => null)
    if (r) onDone(r.customer, r.duplicates.filter((d) => d.reason !== 'name').map((d) => d.name ?? `#${d.id}`))
  }
  return (
    <form className="form customer-form" onSubmit={submit} data-testid="customer-form">
      {textFields.map((k) => (
        <label key={k} className="field">
          <span>{t(`customers.field.${k}` as MessageKey)}</span>
          <input
            name={k}
            type={k === 'email' ? 'email' : k === 'phone' ? 'tel' : 'text'}
            maxLength={200}
            value={form[k] ?? ''}
            autoFocus={k === 'name'}
            onChange={(e) => setForm({ ...form, [k]: e.target.value || null })}
          />
        </label>
      ))}
      <div className="field">
        <span>{t('customers.field.since')}</span>
        <DateField aria-label={t('customers.field.since')} value={form.customerSince ?? ''} onChange={(v) => setForm({ ...form, customerSince: v || null })} />
      </div>
      <div className="field">
        <span>{t('customers.field.churned')}</span>
        <DateField aria-label={t('customers.field.churned')} value={form.churnedAt ?? ''} min={form.customerSince ?? undefined} onChange={(v) => setForm({ ...form, churnedAt: v || null })} />
      </div>
      {customer && (
        <label className="field">
          <span>{t('rectify.reason')}</span>
          <input name="reason" type="text" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      {save.error && <ErrorNotice error={save.error} />}
      <div className="form-actions">
        <Button onClick={onCancel}>{t('customers.cancel')}</Button>
        <Button variant="primary" type="submit" disabled={save.isPending}>
          {t('customers.save')}
        </Button>
      </div>
    </form>
  )
}
