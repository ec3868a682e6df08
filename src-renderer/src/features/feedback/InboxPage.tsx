import { useCallback, useEffect, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { PreviousState } from '../../../../src-shared/api/feedback'
import type { SnoozeState } from '../../../../src-shared/api/followUps'
import type { PageProps } from '../../platform/pageProps'
import { useApi, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ImportAction } from '../../components/ImportAction'
import { Loading } from '../../components/Loading'
import { Notice } from '../../components/Notice'
import { HidePersonalDataSwitch, PersonalDataBanner } from '../../components/PersonalData'
import { BulkBar } from './BulkBar'
import { DetailPane, type DetailActions } from './DetailPane'
import { FilterBar } from './FilterBar'
import { InboxList } from './InboxList'
import { KeyboardHint } from './KeyboardHint'
import { ManualEntry } from './ManualEntry'
import { SavedViews } from './SavedViews'
import { useActorName } from './useActorName'
import { isEmptyFilter, useInboxFilter } from './useInboxFilter'
import { useInboxPages } from './useInboxPages'
import { ExportDialog } from '../export/ExportDialog'
import { NotificationToggle } from './followUps/NotificationToggle'
import './inbox.css'

/** The latest snooze still running among the checked items shown (null when none of them is snoozed). */
function latestSnooze(items: ReadonlyArray<{ id: number; snoozedUntil?: number | null }>, checked: ReadonlySet<number>): number | null {
  const now = Date.now()
  let latest: number | null = null
  for (const i of items) if (checked.has(i.id) && i.snoozedUntil != null && i.snoozedUntil > now && (latest === null || i.snoozedUntil > latest)) latest = i.snoozedUntil
  return latest
}

const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/** The inbox: every piece of feedback, filtered, searched, worked through and followed up. */
export function InboxPage({ workspace, params }: PageProps) {
  const { t, fmt } = useI18n()
  const api = useApi()
  const queryClient = useQueryClient()
  const { filter, followUp, setFilter, query } = useInboxFilter(params)
  const { query: pages, items, total } = useInboxPages(filter, followUp)
  const { ensureName, prompt } = useActorName()
  const [activeId, setActiveId] = useState<number | null>(null)
  const [checked, setChecked] = useState<Set<number>>(new Set())
  const [anchor, setAnchor] = useState<number | null>(null)
  const [undo, setUndo] = useState<{ message: string; previous: PreviousState[] } | { message: string; snoozes: SnoozeState[] } | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [adding, setAdding] = useState(false)
  const [exporting, setExporting] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)
  const tagInputRef = useRef<HTMLInputElement>(null)
  const info = useApiQuery('app.info', {})
  const density = info.data?.inboxDensity ?? 'comfortable'
  const setDensity = (next: typeof density) =>
    void api.call('app.setInboxDensity', { density: next }).then((r) => queryClient.setQueryData(['app.info', {}], r), setError)

  // Another workspace opened while the inbox stayed on screen: what was open, checked or undoable
  // belonged to the previous one (its ids mean nothing here, or something else).
  const workspaceKey = `${workspace.path}\u0000${workspace.createdAt}`
  const [shownWorkspace, setShownWorkspace] = useState(workspaceKey)
  if (shownWorkspace !== workspaceKey) {
    setShownWorkspace(workspaceKey)
    setActiveId(null)
    setChecked(new Set())
    setAnchor(null)
    setUndo(null)
    setError(null)
    setAdding(false)
  }

  const refresh = useCallback(() => queryClient.invalidateQueries(), [queryClient])
  const guarded = useCallback(
    async (work: () => Promise<void>) => {
      setError(null)
      if (!(await ensureName())) return
      try {
        await work()
      } catch (e) {
        setError(e)
      }
      await refresh()
    },
    [ensureName, refresh],
  )
  const actions: DetailActions = {
    update: (ids, change) =>
      guarded(async () => {
        const r = await api.call('feedback.update', { ids, ...change })
        if (r.updated) setUndo({ message: t.plural('inbox.changed', r.updated), previous: r.previous })
      }),
    tag: (ids, tag, remove = false) =>
      guarded(async () => {
        await api.call('tags.assign', { ids, tag, remove })
      }),
    note: (id, body) =>
      guarded(async () => {
        await api.call('feedback.addNote', { id, body })
      }),
    snooze: (ids, until) =>
      guarded(async () => {
        const r = await api.call('feedback.snooze', { ids, until })
        if (!r.updated) setUndo({ message: until === null ? t('followUps.notSnoozed') : t('followUps.notSnoozable'), snoozes: [] })
        else
          setUndo({
            message: until === null ? t.plural('followUps.wokenDone', r.updated) : t.plural('followUps.snoozedDone', r.updated, { when: fmt.dateTime(until, workspace.timezone) }),
            snoozes: r.previous,
          })
      }),
  }

  // Keyboard: j / k move, e resolves, t tags, / searches.
  const itemsRef = useRef(items)
  itemsRef.current = items
  const actionsRef = useRef(actions)
  actionsRef.current = actions
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return
      const list = itemsRef.current
      const at = list.findIndex((i) => i.id === activeId)
      if (e.key === 'j' || e.key === 'k') {
        const next = e.key === 'j' ? Math.min(list.length - 1, at + 1) : Math.max(0, at - 1)
        if (list[next]) setActiveId(list[next].id)
      } else if (e.key === 'e' && activeId !== null) void actionsRef.current.update([activeId], { status: 'resolved' })
      else if (e.key === 't' && activeId !== null) tagInputRef.current?.focus()
      else if (e.key === '/') searchRef.current?.focus()
      else return
      e.preventDefault()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [activeId])

  const onCheck = (id: number, on: boolean, range: boolean) => {
    setChecked((prev) => {
      const next = new Set(prev)
      const ids = items.map((i) => i.id)
      const from = range && anchor !== null ? ids.indexOf(anchor) : -1
      const to = ids.indexOf(id)
      const span = from >= 0 ? ids.slice(Math.min(from, to), Math.max(from, to) + 1) : [id]
      for (const x of span) if (on) next.add(x)
      else next.delete(x)
      return next
    })
    setAnchor(id)
  }

  return (
    <div className="inbox">
      <div className="inbox-main">
        <FilterBar filter={filter} onChange={setFilter} searchRef={searchRef} />
        <div className="inbox-toolbar">
          <SavedViews filter={filter} query={query} followUp={followUp} onChange={setFilter} />
          <Button onClick={() => setExporting(true)} data-testid="export-open">
            {t('export.open')}
          </Button>
          <Button variant="primary" onClick={() => setAdding(true)}>
            {t('inbox.addFeedback')}
          </Button>
        </div>
        {exporting && <ExportDialog open onClose={() => setExporting(false)} filter={filter} viewCount={total} timezone={workspace.timezone} />}
        <div className="inbox-summary">
          <strong data-testid="inbox-count" data-count={total ?? ''}>
            {total === null ? '…' : t.plural('inbox.count', total)}
          </strong>
          {(!isEmptyFilter(filter) || followUp) && (
            <Button variant="ghost" onClick={() => setFilter({}, null)}>
              {t('inbox.clearFilters')}
            </Button>
          )}
          <KeyboardHint />
          <NotificationToggle />
          <div className="density-switch" role="group" aria-label={t('inbox.density')}>
            {(['comfortable', 'compact'] as const).map((d) => (
              <button key={d} type="button" className="btn status-btn" aria-pressed={density === d} onClick={() => setDensity(d)}>
                {t(`inbox.density.${d}`)}
              </button>
            ))}
          </div>
          <HidePersonalDataSwitch />
        </div>
        <PersonalDataBanner />
        {checked.size > 0 && (
          <BulkBar
            ids={[...checked]}
            actions={actions}
            timezone={workspace.timezone}
            snoozedUntil={latestSnooze(items, checked)}
            onClear={() => setChecked(new Set())}
            onSelectAll={() => setChecked(new Set(items.map((i) => i.id)))}
          />
        )}
        {undo && (
          <Notice tone="success" onDismiss={() => setUndo(null)} dismissLabel={t('common.dismiss')}>
            {undo.message}{' '}
            {!('snoozes' in undo && undo.snoozes.length === 0) && (
            <Button
              variant="ghost"
              onClick={() =>
                void guarded(async () => {
                  if ('snoozes' in undo) await api.call('feedback.restoreSnooze', { items: undo.snoozes })
                  else await api.call('feedback.restore', { items: undo.previous })
                  setUndo(null)
                })
              }
            >
              {t('inbox.undo')}
            </Button>
            )}
          </Notice>
        )}
        {error != null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
        {pages.isPending && <Loading label={t('common.loading')} />}
        {pages.error && <ErrorNotice error={pages.error} />}
        {pages.data && items.length === 0 && (
          <div className="empty" data-testid="inbox-empty">
            {followUp && isEmptyFilter(filter) ? (
              <>
                <p data-testid="followup-empty">
                  {followUp === 'overdue' ? t('followUps.emptyOverdue') : followUp === 'snoozed' ? t('followUps.emptySnoozed') : t('followUps.emptyDueSoon')}
                </p>
                <p className="empty-actions">
                  <Button variant="secondary" onClick={() => setFilter({}, null)}>
                    {t('followUps.showAll')}
                  </Button>
                </p>
              </>
            ) : isEmptyFilter(filter) ? (
              <>
                <p>{t('inbox.empty')}</p>
                <p className="empty-actions">
                  <ImportAction />
                  <Button variant="secondary" onClick={() => setAdding(true)}>
                    {t('inbox.addFeedback')}
                  </Button>
                </p>
              </>
            ) : (
              <>
                <p>{t('inbox.noMatch')}</p>
                <p className="empty-actions">
                  <Button variant="secondary" onClick={() => setFilter({}, null)}>
                    {t('inbox.clearFilters')}
                  </Button>
                </p>
              </>
            )}
          </div>
        )}
        {items.length > 0 && (
          <InboxList
            items={items}
            hasMore={Boolean(pages.hasNextPage)}
            loadingMore={pages.isFetchingNextPage}
            loadMore={() => void pages.fetchNextPage()}
            timezone={workspace.timezone}
            density={density}
            activeId={activeId}
            checked={checked}
            onOpen={setActiveId}
            onCheck={onCheck}
          />
        )}
      </div>
      <div className="inbox-detail">
        {activeId !== null ? (
          <DetailPane key={activeId} id={activeId} timezone={workspace.timezone} actions={actions} tagInputRef={tagInputRef} onClose={() => setActiveId(null)} />
        ) : (
          <p className="muted detail-empty">{t('inbox.chooseItem')}</p>
        )}
      </div>
      {adding && (
        <ManualEntry
          open={adding}
          timezone={workspace.timezone}
          onClose={() => setAdding(false)}
          onCreated={(id) => {
            setAdding(false)
            setActiveId(id)
          }}
        />
      )}
      {prompt}
      <span className="sr-only" aria-live="polite">
        {total !== null ? fmt.integer(total) : ''}
      </span>
    </div>
  )
}
