import { useInfiniteQuery } from '@tanstack/react-query'
import type { FeedbackCursor, FeedbackItem } from '../../../../src-shared/api/feedback'
import { npsBucket } from '../../../../src-shared/domain/scores'
import { useApi } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Card } from '../../components/Card'
import { Button } from '../../components/Button'
import { Loading } from '../../components/Loading'
import { ErrorNotice } from '../../components/ErrorNotice'

const PAGE = 25

/** Good / neutral / poor, for the colour of the score chip. */
function tone(item: FeedbackItem): 'good' | 'neutral' | 'poor' {
  if (item.score === null || item.scaleMax === null || item.scaleMin === null) return 'neutral'
  if (item.metric === 'nps') return ({ promoter: 'good', passive: 'neutral', detractor: 'poor' } as const)[npsBucket(item.score)]
  const share = (item.score - item.scaleMin) / (item.scaleMax - item.scaleMin)
  return share >= 0.75 ? 'good' : share <= 0.4 ? 'poor' : 'neutral'
}

export function ResponsesList({ timezone }: { timezone: string }) {
  const { t, fmt } = useI18n()
  const api = useApi()
  const query = useInfiniteQuery({
    queryKey: ['feedback.list', PAGE],
    queryFn: ({ pageParam }) => api.call('feedback.list', { limit: PAGE, cursor: pageParam }),
    initialPageParam: undefined as FeedbackCursor | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const items = query.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <Card title={t('inbox.title')} className="responses-card">
      {query.isPending && <Loading label={t('common.loading')} />}
      {query.error && <ErrorNotice error={query.error} />}
      {query.data && items.length === 0 && <p className="empty">{t('inbox.empty')}</p>}
      <ul className="responses" data-testid="responses">
        {items.map((item) => (
          <li key={item.id} className="response">
            <div className="response-head">
              {item.metric && item.score !== null && (
                <span className={`score score-${tone(item)}`}>{t('inbox.score', { metric: t(`metric.${item.metric}`), score: item.score, max: item.scaleMax ?? '' })}</span>
              )}
              <span className="response-who">{item.customerName ?? item.customerRef ?? t('inbox.anonymous')}</span>
              <time className="muted" dateTime={new Date(item.submittedAt).toISOString()}>
                {fmt.dateTime(item.submittedAt, timezone)}
              </time>
              <span className={`status status-${item.status}`}>{t(`status.${item.status}`)}</span>
            </div>
            <p className={item.comment ? 'response-comment' : 'response-comment muted'} lang={item.language ?? undefined}>
              {item.comment ?? t('inbox.noComment')}
            </p>
            <div className="response-meta muted">{[item.stage, item.touchpoint, item.channel, item.location].filter(Boolean).join(' · ')}</div>
          </li>
        ))}
      </ul>
      {query.hasNextPage && (
        <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Card>
  )
}
