import { useState, type FormEvent } from 'react'
import type { Res } from '../../../../src-shared/api/contract'
import type { SubjectMatch } from '../../../../src-shared/api/subject'
import type { Locale } from '../../../../src-shared/domain/locales'
import type { MessageKey } from '../../../../src-shared/i18n/en'
import { useApi, useTransport } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'
import { LocaleSelect } from '../../components/LocaleSelect'
import { Notice } from '../../components/Notice'

type Written = NonNullable<Res<'customers.subjectExport'>>

/**
 * Exports everything held about one person: the PDF in the language chosen (theirs), and the JSON.
 * The desktop asks for a folder; a browser downloads both files.
 */
export function SubjectExportForm({ customerId, name, onClose }: { customerId: number; name: string; onClose(): void }) {
  const { t, locale } = useI18n()
  const api = useApi()
  const transport = useTransport()
  const [language, setLanguage] = useState<Locale>(locale)
  const [phase, setPhase] = useState<'idle' | 'running' | 'done'>('idle')
  const [result, setResult] = useState<Written | null>(null)
  const [error, setError] = useState<unknown>(null)
  const run = async () => {
    setPhase('running')
    setError(null)
    try {
      const r = await api.call('customers.subjectExport', { customerId, language })
      if (!r) return setPhase('idle') // the folder dialog was closed
      for (const f of [r.pdf, r.json]) if (f.downloadId && transport.downloadExport) await transport.downloadExport(f.downloadId)
      setResult(r)
      setPhase('done')
    } catch (e) {
      setError(e)
      setPhase('idle')
    }
  }
  const folder = result?.pdf.path ? result.pdf.path.slice(0, Math.max(result.pdf.path.lastIndexOf('/'), result.pdf.path.lastIndexOf('\\'))) : ''
  return (
    <div className="form subject-export" data-testid="subject-export">
      <p>{t('subject.exportIntro')}</p>
      <label className="field">
        <span>{t('subject.language')}</span>
        <LocaleSelect value={language} onChange={setLanguage} label={t('subject.language')} />
      </label>
      {phase === 'running' && (
        <p role="status" className="muted">
          {t('subject.exporting')}
        </p>
      )}
      {phase === 'done' && result && (
        <Notice tone="success">
          <span data-testid="subject-export-done">
            {result.pdf.path ? t('subject.exportedTo', { folder, pdf: result.pdf.fileName, json: result.json.fileName }) : t('subject.downloaded', { pdf: result.pdf.fileName, json: result.json.fileName })}
          </span>
        </Notice>
      )}
      {error !== null && <ErrorNotice error={error} />}
      <div className="form-actions">
        <Button onClick={onClose}>{phase === 'done' ? t('customers.close') : t('customers.cancel')}</Button>
        {phase !== 'done' && (
          <Button variant="primary" onClick={() => void run()} disabled={phase === 'running'} aria-label={`${t('subject.start')} — ${name}`}>
            {t('subject.start')}
          </Button>
        )}
      </div>
    </div>
  )
}

/** A request for access by someone not yet opened: found by e-mail, phone, id or name, with a choice when several match. */
export function SubjectFinder({ onClose }: { onClose(): void }) {
  const { t, fmt } = useI18n()
  const api = useApi()
  const [query, setQuery] = useState('')
  const [matches, setMatches] = useState<SubjectMatch[] | null>(null)
  const [asked, setAsked] = useState('')
  const [chosen, setChosen] = useState<SubjectMatch | null>(null)
  const [error, setError] = useState<unknown>(null)
  const find = async (e: FormEvent) => {
    e.preventDefault()
    if (!query.trim()) return
    setError(null)
    try {
      const r = await api.call('customers.subjectFind', { query })
      setAsked(query.trim())
      setMatches(r.matches)
      setChosen(r.matches.length === 1 ? r.matches[0] : null)
    } catch (err) {
      setError(err)
    }
  }
  if (chosen) return <SubjectExportForm customerId={chosen.id} name={chosen.name ?? chosen.email ?? `#${chosen.id}`} onClose={onClose} />
  return (
    <div className="subject-finder" data-testid="subject-finder">
      <p>{t('subject.findIntro')}</p>
      <form className="form-row" onSubmit={(e) => void find(e)}>
        <label className="field">
          <span>{t('subject.findLabel')}</span>
          <input type="search" value={query} maxLength={200} autoFocus onChange={(e) => setQuery(e.target.value)} />
        </label>
        <Button variant="primary" type="submit" disabled={!query.trim()}>
          {t('subject.findButton')}
        </Button>
      </form>
      {error !== null && <ErrorNotice error={error} />}
      {matches && matches.length === 0 && (
        <p role="status" className="muted">
          {t('subject.noneFound', { query: asked })}
        </p>
      )}
      {matches && matches.length > 1 && (
        <>
          <p role="status">{t('subject.several')}</p>
          <ul className="subject-matches" data-testid="subject-matches">
            {matches.map((m) => (
              <li key={m.id}>
                <div>
                  <strong>{m.name ?? m.email ?? `#${m.id}`}</strong> <span className="muted">#{m.id}</span>
                  <div className="muted small">
                    {[m.email, m.phone, m.location, t.plural('customers.responses', m.responses), t(`subject.matchedBy.${m.matchedBy}` as MessageKey)].filter(Boolean).join(' · ')}
                  </div>
                </div>
                <Button onClick={() => setChosen(m)} aria-label={`${t('subject.choose')}: ${m.name ?? m.email ?? `#${m.id}`} (#${fmt.integer(m.id)})`}>
                  {t('subject.choose')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="form-actions">
        <Button onClick={onClose}>{t('customers.cancel')}</Button>
      </div>
    </div>
  )
}
