import { useEffect, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { CustomerRow } from '../../../../src-shared/api/customers'
import { customerLabel } from '../../../../src-shared/domain/customers'
import { usePersonalData } from '../../components/PersonalData'
import type { MessageKey } from '../../../../src-shared/i18n/en'
import { useI18n } from '../../i18n/I18nProvider'

const ROW_HEIGHT = 64

/** Customers in a virtualised list: only the rows in view exist; keyset pages load as the end comes into view. */
export function CustomerList({
  items,
  hasMore,
  loadingMore,
  loadMore,
  activeId,
  onOpen,
}: {
  items: CustomerRow[]
  hasMore: boolean
  loadingMore: boolean
  loadMore(): void
  activeId: number | null
  onOpen(id: number): void
}) {
  const { t, fmt } = useI18n()
  const pd = usePersonalData()
  const parentRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({ count: items.length + (hasMore ? 1 : 0), getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 })
  const virtualItems = virtualizer.getVirtualItems()
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? 0
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - 10) loadMore()
  }, [hasMore, loadingMore, lastIndex, items.length, loadMore])

  const move = (delta: number) => {
    const i = Math.max(0, Math.min(items.length - 1, items.findIndex((c) => c.id === activeId) + delta))
    if (items[i]) {
      onOpen(items[i].id)
      virtualizer.scrollToIndex(i, { align: 'auto' })
    }
  }
  return (
    <div
      ref={parentRef}
      className="customers-scroll"
      role="listbox"
      aria-label={t('customers.title')}
      data-testid="customer-list"
      tabIndex={0}
      onKeyDown={(e) => {
        const delta = e.key === 'ArrowDown' || e.key === 'j' ? 1 : e.key === 'ArrowUp' || e.key === 'k' ? -1 : 0
        if (delta) {
          e.preventDefault()
          move(delta)
        }
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualItems.map((v) => {
          const c = items[v.index]
          return (
            <div key={v.key} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` }}>
              {c ? (
                <div
                  className={`customer-row${c.id === activeId ? ' active' : ''}`}
                  role="option"
                  aria-selected={c.id === activeId}
                  data-testid="customer-row"
                  onClick={() => onOpen(c.id)}
                >
                  <div className="customer-row-main">
                    <strong>{customerLabel(pd.customer(c)) ?? t('customers.unnamed')}</strong>
                    <span className="muted">{[pd.email(c.email), pd.phone(c.phone)].filter(Boolean).join(' · ')}</span>
                  </div>
                  <div className="customer-row-facts">
                    {c.risk !== 'none' && <span className={`risk-badge risk-${c.risk}`}>{t(`customers.risk.${c.risk}` as MessageKey)}</span>}
                    {c.lastBand !== 'none' && (
                      <span className={`band-chip band-${c.lastBand}`} title={t('customers.filter.band')}>
                        {t(`customers.band.${c.lastBand}` as MessageKey)}
                        {c.lastScore !== null ? ` · ${c.lastMetric ? `${t(`metric.${c.lastMetric}` as MessageKey)} ` : ''}${fmt.integer(c.lastScore)}` : ''}
                      </span>
                    )}
                    <span className="muted">{[c.segment, c.location].filter(Boolean).join(' · ')}</span>
                    <span className="muted">{t.plural('customers.responses', c.responses)}</span>
                  </div>
                </div>
              ) : (
                <div className="customer-row muted">{t('customers.loadingMore')}</div>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}
