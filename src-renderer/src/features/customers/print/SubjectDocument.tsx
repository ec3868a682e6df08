import { useEffect, type ReactNode } from 'react'
import type { SubjectData } from '../../../../../src-shared/api/subject'
import type { MessageKey } from '../../../../../src-shared/i18n/en'
import { localDateConverter } from '../../../../../src-shared/domain/timezone'
import { useApiQuery } from '../../../api/hooks'
import { LocaleScope, useI18n } from '../../../i18n/I18nProvider'
import './subjectDocument.css'

const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)))
const cssString = (s: string) => `"${s.replace(/["\\]/g, (m) => `\\${m}`).replace(/\n/g, ' ')}"`

/**
 * The print route of a person's data export (#/subject-print?job=…): the document alone, in the
 * language chosen for it, for Electron's printToPDF or a headless browser. Like the report's print
 * page it says when it is laid out (fonts ready) through data-report-ready on <html>.
 */
/** Column titles of the contact log and consent sections (customers/subjectSections.ts). */
const SECTION_COLUMNS: Record<string, MessageKey> = {
  kind: 'subject.col.kind',
  purpose: 'subject.col.purpose',
  channel: 'subject.col.channel',
  note: 'subject.col.note',
  source: 'subject.col.source',
  state: 'subject.col.state',
}
/** Columns whose values are codes with a message each: the prefix of their keys. */
const CODED_VALUES: Record<string, string> = { kind: 'contacts.kind.', purpose: 'contacts.purpose.', state: 'contacts.consent.', source: 'subject.source.' }

export function SubjectPrintPage({ jobId }: { jobId: string }) {
  const job = useApiQuery('customers.subjectPrintJob', { jobId }, { retry: false, staleTime: Infinity })
  const data = job.data?.data
  useEffect(() => {
    const root = document.documentElement
    root.classList.add('report-print')
    return () => root.classList.remove('report-print')
  }, [])
  useEffect(() => {
    const root = document.documentElement
    if (job.error) root.dataset.reportError = job.error.message || 'the export could not be loaded'
    if (!data) return
    let stop = false
    void (async () => {
      await document.fonts.ready
      await frame()
      await frame()
      if (!stop) root.dataset.reportReady = 'true'
    })()
    return () => {
      stop = true
    }
  }, [data, job.error])
  if (!data) return null
  return (
    <LocaleScope locale={data.language}>
      <SubjectDocument data={data} />
    </LocaleScope>
  )
}

/** Everything held about one person, as they read it: their details, then each kind of record, each a table. */
export function SubjectDocument({ data }: { data: SubjectData }) {
  const { t, fmt, locale } = useI18n()
  const zone = data.workspace.timezone
  const when = (iso: string | null) => (iso ? fmt.dateTime(Date.parse(iso), zone) : '—')
  // The sections' rows carry stable codes (the JSON's); the PDF says them in the reader's language.
  const columnTitle = (c: string) => (c === 'at' ? t('subject.doc.col.when') : c in SECTION_COLUMNS ? t(SECTION_COLUMNS[c]) : c)
  const cellText = (column: string, v: string | number | boolean | null | undefined): string => {
    if (v === null || v === undefined) return '—'
    if (column === 'at' && typeof v === 'string') return when(v)
    const prefix = CODED_VALUES[column]
    return prefix ? t(`${prefix}${String(v)}` as MessageKey) : String(v)
  }
  const today = fmt.day(localDateConverter(zone)(Date.parse(data.exportedAt)))
  const p = data.person
  const title = t('subject.doc.title')
  const footer = t('subject.doc.footer', { id: p.id, date: today })
  useEffect(() => {
    document.documentElement.lang = locale
    const before = document.title
    document.title = `${title} – ${p.name ?? p.email ?? `#${p.id}`}`
    const sheet = new CSSStyleSheet()
    const box = `font-family: 'Noto Sans', 'Noto Sans Thai', sans-serif; font-size: 8pt; color: #4a5568;`
    sheet.replaceSync(`@page { size: A4 portrait; margin: 16mm 14mm 16mm 14mm;
      @top-left { content: ${cssString(data.workspace.name)}; ${box} }
      @bottom-left { content: ${cssString(footer)}; ${box} }
      @bottom-right { content: counter(page) " / " counter(pages); ${box} } }`)
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    return () => {
      document.title = before
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
    }
  }, [locale, title, footer, data.workspace.name, p.name, p.email, p.id])

  const fieldLabel = (f: string) => t(`customers.field.${f === 'customerSince' ? 'since' : f === 'churnedAt' ? 'churned' : f}` as MessageKey)
  const score = (r: SubjectData['responses'][number]) =>
    r.score === null ? '—' : `${r.metric ? t(`metric.${r.metric}` as MessageKey) : ''} ${fmt.integer(r.score)}${r.scaleMax !== null ? ` / ${fmt.integer(r.scaleMax)}` : ''}`.trim()
  const eventText = (e: SubjectData['followUps'][number]['events'][number]) => {
    const value = e.kind === 'status' && e.value ? t(`status.${e.value}` as MessageKey) : (e.value ?? '')
    const key = `subject.doc.event.${e.kind}` as MessageKey
    return `${when(e.at)} — ${t(key, { value })}${e.actor ? ` (${e.actor})` : ''}`
  }
  const details: Array<[string, string | null]> = [
    [fieldLabel('name'), p.name],
    [fieldLabel('email'), p.email],
    [fieldLabel('phone'), p.phone],
    [fieldLabel('ref'), p.ref],
    [fieldLabel('segment'), p.segment],
    [fieldLabel('location'), p.location],
    [fieldLabel('customerSince'), p.customerSince ? fmt.day(p.customerSince.slice(0, 10)) : null],
    [fieldLabel('churnedAt'), p.churnedAt ? fmt.day(p.churnedAt.slice(0, 10)) : null],
    [t('subject.doc.createdAt'), when(p.createdAt)],
    [t('subject.doc.updatedAt'), when(p.updatedAt)],
  ]
  return (
    <article className="subject-doc" data-testid="subject-document">
      <header>
        <h1>{title}</h1>
        <p className="subject-lead">{t('subject.doc.intro', { workspace: data.workspace.name, date: today })}</p>
      </header>

      <Part title={t('subject.doc.details')}>
        <dl className="subject-details">
          {details.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v ?? '—'}</dd>
            </div>
          ))}
        </dl>
      </Part>

      <Part title={`${t('subject.doc.responses')} (${fmt.integer(data.responses.length)})`} empty={!data.responses.length}>
        <Table
          className="subject-responses"
          head={[t('subject.doc.col.when'), t('subject.doc.col.where'), t('subject.doc.col.score'), t('subject.doc.col.comment'), t('subject.doc.col.tags'), t('subject.doc.col.notes')]}
          rows={data.responses.map((r) => [
            <>
              {when(r.submittedAt)}
              {r.linkedBy === 'email' && <div className="subject-small">{t('subject.doc.byEmail')}</div>}
            </>,
            [r.channel, r.touchpoint, r.location].filter(Boolean).join(' · ') || '—',
            score(r),
            r.comment ?? '—',
            r.tags.join(', ') || '—',
            r.notes.length ? r.notes.map((n, i) => <div key={i}>{`${n.body} (${[n.author, when(n.createdAt)].filter(Boolean).join(', ')})`}</div>) : '—',
          ])}
        />
      </Part>

      <Part title={t('subject.doc.followUps')} empty={!data.followUps.length}>
        <Table
          head={[t('subject.doc.col.when'), t('subject.doc.col.status'), t('subject.doc.col.owner'), t('subject.doc.col.history')]}
          rows={data.followUps.map((f) => [
            when(data.responses.find((r) => r.id === f.responseId)?.submittedAt ?? null),
            `${t(`status.${f.status}` as MessageKey)}${f.resolvedAt ? ` — ${when(f.resolvedAt)}` : ''}`,
            f.owner ?? '—',
            f.events.length ? f.events.map((e, i) => <div key={i}>{eventText(e)}</div>) : '—',
          ])}
        />
      </Part>

      <Part title={t('subject.doc.customerNotes')} empty={!data.customerNotes.length}>
        <Table
          head={[t('subject.doc.col.when'), t('subject.doc.col.note'), t('subject.doc.col.who')]}
          rows={data.customerNotes.map((n) => [when(n.createdAt), n.kind === 'winback' ? `${t('subject.doc.winback')}: ${n.body}` : n.body, n.author ?? '—'])}
        />
      </Part>

      <Part title={t('subject.doc.mentions')} empty={!data.mentions.length}>
        <Table head={[t('subject.doc.col.when'), t('subject.doc.col.note'), t('subject.doc.col.who')]} rows={data.mentions.map((n) => [when(n.createdAt), n.body, n.author ?? '—'])} />
      </Part>

      <Part title={t('subject.doc.rectifications')} empty={!data.rectifications.length}>
        <Table
          head={[t('subject.doc.col.when'), t('subject.doc.col.field'), t('subject.doc.col.before'), t('subject.doc.col.after'), t('subject.doc.col.why'), t('subject.doc.col.who')]}
          rows={data.rectifications.map((r) => [when(r.at), fieldLabel(r.field), r.oldValue ?? '—', r.newValue ?? '—', r.reason ?? '—', r.actor ?? '—'])}
        />
      </Part>

      <Part title={t('subject.doc.merges')} empty={!data.merges.length}>
        <ul>
          {data.merges.map((m) => (
            <li key={m.id}>
              {when(m.at)} — {m.role === 'kept' ? t('subject.doc.mergeKept', { other: m.mergedId }) : t('subject.doc.mergeMerged', { own: m.mergedId, other: m.keptId })}{' '}
              {Object.entries(m.mergedDetails)
                .filter(([, v]) => v)
                .map(([k, v]) => `${fieldLabel(k)}: ${v}`)
                .join(' · ')}
              {m.undoneAt && ` ${t('subject.doc.mergeUndone', { date: when(m.undoneAt) })}`}
            </li>
          ))}
        </ul>
      </Part>

      <Part title={t('subject.doc.surveyAnswers')} empty={!data.surveyAnswers.length}>
        <Table
          head={[t('subject.doc.col.when'), t('subject.doc.col.survey'), t('subject.doc.col.language'), t('subject.doc.col.contact'), t('subject.doc.col.consent')]}
          rows={data.surveyAnswers.map((a) => [
            when(a.receivedAt),
            a.survey,
            a.language,
            [a.contactName, a.contactEmail, a.contactPhone].filter(Boolean).join(' · ') || '—',
            a.consent ? t('subject.doc.consentYes', { date: when(a.consentAt) }) : t('subject.doc.consentNo'),
          ])}
        />
      </Part>

      {data.sections.map((s) => {
        const columns = [...new Set(s.rows.flatMap((r) => Object.keys(r)))]
        return (
          <Part key={s.key} title={t(`subject.section.${s.key}` as MessageKey)}>
            <Table head={columns.map(columnTitle)} rows={s.rows.map((r) => columns.map((c) => cellText(c, r[c])))} />
          </Part>
        )
      })}
    </article>
  )
}

function Part({ title, empty, children }: { title: string; empty?: boolean; children: ReactNode }) {
  const { t } = useI18n()
  return (
    <section className="subject-part">
      <h2>{title}</h2>
      {empty ? <p className="subject-none">{t('subject.doc.none')}</p> : children}
    </section>
  )
}

function Table({ head, rows, className }: { head: string[]; rows: ReactNode[][]; className?: string }) {
  return (
    <table className={className ? `subject-table ${className}` : 'subject-table'}>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
