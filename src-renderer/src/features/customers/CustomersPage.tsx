import { useCallback, useEffect, useRef, useState } from 'react'
import { useInfiniteQuery } from '@tanstack/react-query'
import { consentFilters, lastContactRanges, lifecycleStates, riskLevels, scoreBands, type CustomerCursor, type CustomerFilter, type CustomerProfile as Profile } from '../../../../src-shared/api/customers'
import type { Customer } from '../../../../src-shared/api/feedback'
import type { MessageKey } from '../../../../src-shared/i18n/en'
import type { PageProps } from '../../platform/pageProps'
import { hrefFor, navigate } from '../../platform/router'
import { useApi, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { RiskErrorNotice } from './RiskErrorNotice'
import { Loading } from '../../components/Loading'
import { Modal } from '../../components/Modal'
import { Notice } from '../../components/Notice'
import { HidePersonalDataSwitch, PersonalDataBanner } from '../../components/PersonalData'
import { AtRiskView } from './AtRiskView'
import { CustomerForm } from './CustomerForm'
import { CustomerList } from './CustomerList'
import { CustomerProfile } from './CustomerProfile'
import { DuplicatesView } from './DuplicatesView'
import { SubjectFinder } from './SubjectExport'
import { SurveyListView } from './SurveyListView'
import { RiskProgress } from './RiskProgress'
import { filterFromParams, filterToParams, isEmptyCustomerFilter } from './customerFilter'
import './customers.css'

const tabs = ['all', 'risk', 'dup', 'survey'] as const
type Tab = (typeof tabs)[number]
const tabLabel: Record<Tab, MessageKey> = { all: 'customers.tab.all', risk: 'customers.tab.atRisk', dup: 'customers.tab.duplicates', survey: 'contacts.tab' }

/** The Customers screen: every customer (filters in the address), customers at risk, duplicates; the open profile beside. */
export function CustomersPage({ workspace, params }: PageProps) {
  const { t } = useI18n()
  const tab: Tab = (tabs as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'all'
  const openId = Number(params.get('id')) || null
  const go = (next: URLSearchParams) => navigate('customers', next)
  const withParam = (k: string, v: string | null) => {
    const p = new URLSearchParams(params)
    if (v === null) p.delete(k)
    else p.set(k, v)
    return p
  }
  const open = (id: number | null) => go(withParam('id', id === null ? null : String(id)))
  const [editing, setEditing] = useState<Customer | 'new' | null>(null)
  const [savedNote, setSavedNote] = useState<string | null>(null)
  const [request, setRequest] = useState(false)
  const tabRefs = useRef<Array<HTMLAnchorElement | null>>([])

  return (
    <div className="customers" data-testid="customers-page">
      <header className="page-head customers-head">
        <div>
          <h2>{t('customers.title')}</h2>
          <p className="muted">{t('customers.subtitle')}</p>
        </div>
        <div className="customers-head-actions">
          <HidePersonalDataSwitch />
          <Button onClick={() => setRequest(true)} data-testid="subject-request">
            {t('subject.find')}
          </Button>
          <Button variant="primary" onClick={() => setEditing('new')} data-testid="add-customer">
            {t('customers.add')}
          </Button>
        </div>
      </header>
      <PersonalDataBanner />
      <nav className="tabs" role="tablist" aria-label={t('customers.title')}>
        {tabs.map((id, i) => (
          <a
            key={id}
            ref={(el) => {
              tabRefs.current[i] = el
            }}
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'tab active' : 'tab'}
            href={hrefFor('customers', new URLSearchParams(id === 'all' ? {} : { tab: id }))}
            onKeyDown={(e) => {
              const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
              if (d) tabRefs.current[(i + d + tabs.length) % tabs.length]?.focus()
            }}
          >
            {t(tabLabel[id])}
          </a>
        ))}
      </nav>
      {savedNote && (
        <Notice tone="success" onDismiss={() => setSavedNote(null)} dismissLabel={t('customers.close')}>
          {savedNote}
        </Notice>
      )}
      <RiskProgress />
      <div className={openId ? 'customers-body with-profile' : 'customers-body'}>
        <div className="customers-main">
          {tab === 'all' && <AllCustomers params={params} go={go} activeId={openId} onOpen={open} onAdd={() => setEditing('new')} />}
          {tab === 'risk' && <AtRiskView timezone={workspace.timezone} onOpen={open} />}
          {tab === 'dup' && <DuplicatesView onOpen={open} />}
          {tab === 'survey' && <SurveyListView timezone={workspace.timezone} onOpen={open} />}
        </div>
        {openId && <CustomerProfile key={openId} id={openId} timezone={workspace.timezone} onEdit={(p: Profile) => setEditing(p.customer)} onClose={() => open(null)} />}
      </div>
      <Modal title={t('subject.findTitle')} open={request} onClose={() => setRequest(false)}>
        <SubjectFinder onClose={() => setRequest(false)} />
      </Modal>
      <Modal title={editing === 'new' ? t('customers.add') : t('customers.editTitle')} open={editing !== null} onClose={() => setEditing(null)}>
        <CustomerForm
          customer={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onDone={(saved, sharesWith) => {
            setEditing(null)
            setSavedNote(sharesWith.length ? `${t('customers.saved')} ${t('customers.sharesWith', { names: sharesWith.join(', ') })}` : t('customers.saved'))
            go(withParam('id', String(saved.id)))
          }}
        />
      </Modal>
    </div>
  )
}

const PAGE = 100

function AllCustomers({ params, go, activeId, onOpen, onAdd }: { params: URLSearchParams; go(p: URLSearchParams): void; activeId: number | null; onOpen(id: number): void; onAdd(): void }) {
  const { t } = useI18n()
  const api = useApi()
  const filter = filterFromParams(params)
  const setFilter = (f: CustomerFilter) => go(filterToParams(f, params))
  const facets = useApiQuery('customers.facets', {})
  const urlSearch = filter.search ?? ''
  const [search, setSearch] = useState(urlSearch)
  // The address may change from elsewhere (a link, Back): the box follows it, unless the change is the one typed here.
  const seen = useRef(urlSearch)
  const pushed = useRef<string | null>(null)
  if (seen.current !== urlSearch) {
    seen.current = urlSearch
    if (pushed.current !== urlSearch) setSearch(urlSearch)
  }
  // Search as you type, a moment after the last key.
  useEffect(() => {
    if (urlSearch === search) return
    const timer = window.setTimeout(() => {
      pushed.current = search
      setFilter({ ...filter, search: search || undefined })
    }, 250)
    return () => window.clearTimeout(timer)
  })
  const pages = useInfiniteQuery({
    queryKey: ['customers.list', filter],
    queryFn: ({ pageParam }) => api.call('customers.list', { filter, limit: PAGE, cursor: pageParam }),
    initialPageParam: undefined as CustomerCursor | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const count = useApiQuery('customers.count', { filter })
  const items = pages.data?.pages.flatMap((p) => p.items) ?? []
  const loadMore = useCallback(() => void pages.fetchNextPage(), [pages])
  const select = (key: keyof CustomerFilter, values: readonly string[], label: (v: string) => string) => (
    <label className="field field-inline">
      <span>{t(`customers.filter.${key === 'lastContact' ? 'lastContact' : key}` as MessageKey)}</span>
      <select value={(filter[key] as string | undefined) ?? ''} onChange={(e) => setFilter({ ...filter, [key]: e.target.value || undefined })} name={key}>
        <option value="">{t('customers.filter.any')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(v)}
          </option>
        ))}
      </select>
    </label>
  )
  const empty = isEmptyCustomerFilter(filter)
  return (
    <>
      <div className="customer-filters" role="search">
        <input type="search" className="customer-search" aria-label={t('customers.search')} placeholder={t('customers.search')} value={search} onChange={(e) => setSearch(e.target.value)} maxLength={200} />
        {select('segment', facets.data?.segments ?? [], (v) => v)}
        {select('location', facets.data?.locations ?? [], (v) => v)}
        {select('risk', riskLevels, (v) => t(`customers.risk.${v}` as MessageKey))}
        {select('band', scoreBands, (v) => t(`customers.band.${v}` as MessageKey))}
        {select('lastContact', lastContactRanges, (v) => t(`customers.lastContact.${v}` as MessageKey))}
        {select('lifecycle', lifecycleStates, (v) => t(`customers.lifecycle.${v}` as MessageKey))}
        {select('consent', consentFilters, (v) => t(`contacts.filter.${v}` as MessageKey))}
        {!empty && (
          <Button
            onClick={() => {
              setSearch('')
              setFilter({})
            }}
          >
            {t('customers.filter.clear')}
          </Button>
        )}
      </div>
      <p className="muted" data-testid="customer-count" aria-live="polite">
        {count.data ? t.plural('customers.count', count.data.total) : '\u00a0'}
      </p>
      {pages.isPending ? (
        <Loading label={t('customers.loading')} />
      ) : pages.error ? (
        <RiskErrorNotice error={pages.error} />
      ) : items.length === 0 ? (
        empty ? (
          <div className="empty">
            <p>{t('customers.empty')}</p>
            <Button variant="primary" onClick={onAdd}>
              {t('customers.add')}
            </Button>{' '}
            <a href={hrefFor('import')}>{t('customers.import')}</a>
          </div>
        ) : (
          <div className="empty">
            <p>{t('customers.noMatch')}</p>
            <Button
              onClick={() => {
                setSearch('')
                setFilter({})
              }}
            >
              {t('customers.filter.clear')}
            </Button>
          </div>
        )
      ) : (
        <CustomerList items={items} hasMore={!!pages.hasNextPage} loadingMore={pages.isFetchingNextPage} loadMore={loadMore} activeId={activeId} onOpen={onOpen} />
      )}
    </>
  )
}
