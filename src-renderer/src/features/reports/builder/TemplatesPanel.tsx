import { useState } from 'react'
import type { ReportOptions, ReportTemplate } from '../../../../../src-shared/api/reports'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { useI18n } from '../../../i18n/I18nProvider'
import { Button } from '../../../components/Button'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Notice } from '../../../components/Notice'

/**
 * Saved report settings: open one to make this month's report like last month's, save the current
 * settings as a new template or over the open one, delete with Undo.
 */
export function TemplatesPanel({ options, open, onOpen }: { options: ReportOptions; open: ReportTemplate | null; onOpen: (t: ReportTemplate | null) => void }) {
  const { t } = useI18n()
  const list = useApiQuery('reports.templates', {})
  const save = useApiMutation('reports.saveTemplate')
  const remove = useApiMutation('reports.deleteTemplate')
  const [name, setName] = useState('')
  const [message, setMessage] = useState<{ text: string; undo?: ReportTemplate } | null>(null)

  const saveNew = async () => {
    const saved = await save.mutateAsync({ name: name.trim(), options }).catch(() => null)
    if (!saved) return
    setName('')
    onOpen(saved)
    setMessage({ text: t('report.templates.saved', { name: saved.name }) })
  }
  const saveOver = async () => {
    if (!open) return
    const saved = await save.mutateAsync({ id: open.id, name: open.name, options }).catch(() => null)
    if (saved) {
      onOpen(saved)
      setMessage({ text: t('report.templates.saved', { name: saved.name }) })
    }
  }
  const del = async (tpl: ReportTemplate) => {
    const gone = await remove.mutateAsync({ id: tpl.id }).catch(() => null)
    if (!gone) return
    if (open?.id === tpl.id) onOpen(null)
    setMessage({ text: t('report.templates.deleted', { name: gone.name }), undo: gone })
  }
  const undo = async (tpl: ReportTemplate) => {
    const back = await save.mutateAsync({ name: tpl.name, options: tpl.options }).catch(() => null)
    if (back) setMessage(null)
  }

  return (
    <section className="report-templates" aria-labelledby="report-templates-title">
      <h2 id="report-templates-title">{t('report.templates')}</h2>
      {list.data?.templates.length === 0 && <p className="muted">{t('report.templates.none')}</p>}
      {list.error && <ErrorNotice error={list.error} />}
      <ul className="report-template-list">
        {list.data?.templates.map((tpl) => (
          <li key={tpl.id} className={open?.id === tpl.id ? 'current' : undefined}>
            <Button
              variant="ghost"
              onClick={() => {
                onOpen(tpl)
                setMessage({ text: t('report.templates.opened', { name: tpl.name }) })
              }}
            >
              {tpl.name}
            </Button>
            <Button variant="ghost" aria-label={t('report.templates.delete', { name: tpl.name })} onClick={() => void del(tpl)}>
              ×
            </Button>
          </li>
        ))}
      </ul>
      <form
        className="report-row"
        onSubmit={(e) => {
          e.preventDefault()
          void saveNew()
        }}
      >
        <label className="field">
          <span>{t('report.templates.name')}</span>
          <input type="text" value={name} maxLength={80} required onChange={(e) => setName(e.target.value)} />
        </label>
        <Button type="submit" disabled={!name.trim() || save.isPending}>
          {t('report.templates.save')}
        </Button>
      </form>
      {open && (
        <Button onClick={() => void saveOver()} disabled={save.isPending}>
          {t('report.templates.update', { name: open.name })}
        </Button>
      )}
      {(save.error || remove.error) && <ErrorNotice error={save.error ?? remove.error} />}
      {message && (
        <Notice tone="success" onDismiss={() => setMessage(null)} dismissLabel={t('common.close')}>
          {message.text}{' '}
          {message.undo && (
            <Button variant="ghost" onClick={() => void undo(message.undo!)}>
              {t('report.templates.undo')}
            </Button>
          )}
        </Notice>
      )}
    </section>
  )
}
