import { useEffect, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { FeedbackItem } from '../../../../src-shared/api/feedback'
import { useI18n } from '../../i18n/I18nProvider'
import { InboxRow } from './InboxRow'

/** Row heights in pixels: two lines of comment with their details, or the head and one line. */
export const ROW_HEIGHT = { comfortable: 104, compact: 60 } as const

export interface InboxListProps {
  items: FeedbackItem[]
  hasMore: boolean
  loadingMore: boolean
  loadMore(): void
  timezone: string
  density: keyof typeof ROW_HEIGHT
  activeId: number | null
  checked: Set<number>
  onOpen(id: number): void
  onCheck(id: number, checked: boolean, range: boolean): void
}

/**
 * The list is virtualised: only the rows in view exist in the page, so a million items scroll as
 * smoothly as fifty. Pages are fetched (keyset) as the end comes into view.
 */
export function InboxList({ items, hasMore, loadingMore, loadMore, timezone, density, activeId, checked, onOpen, onCheck }: InboxListProps) {
  const { t } = useI18n()
  const parentRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: items.length + (hasMore ? 1 : 0),
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT[density],
    overscan: 10,
  })
  // Heights are fixed per density: measure again when it changes.
  useEffect(() => virtualizer.measure(), [density, virtualizer])
  const virtualItems = virtualizer.getVirtualItems()
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? 0
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - 10) loadMore()
  }, [hasMore, loadingMore, lastIndex, items.length, loadMore])

  // Keep the active row in view when it is moved with j / k.
  const activeIndex = activeId === null ? -1 : items.findIndex((i) => i.id === activeId)
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' })
  }, [activeIndex, virtualizer])

  return (
    <div ref={parentRef} className="inbox-scroll" role="list" aria-label={t('inbox.title')} data-testid="inbox-list" data-density={density} tabIndex={0}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualItems.map((v) => {
          const item = items[v.index]
          return (
            <div key={v.key} className="inbox-row-slot" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` }}>
              {item ? (
                <InboxRow
                  item={item}
                  timezone={timezone}
                  active={item.id === activeId}
                  checked={checked.has(item.id)}
                  compact={density === 'compact'}
                  onOpen={() => onOpen(item.id)}
                  onCheck={(c, range) => onCheck(item.id, c, range)}
                />
              ) : (
                <div className="inbox-row muted" role="listitem">{t('inbox.loadingMore')}</div>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}
