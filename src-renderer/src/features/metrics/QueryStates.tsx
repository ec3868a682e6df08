import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { Loading } from '../../components/Loading'
import { ErrorNotice } from '../../components/ErrorNotice'

/** What every card shows while its figures load, when they fail, and when there is nothing to show. */
export function QueryStates<T>({ query, isEmpty, empty, children }: { query: { isPending: boolean; error: unknown; data: T | undefined }; isEmpty?: (data: T) => boolean; empty?: ReactNode; children: (data: T) => ReactNode }) {
  const { t } = useI18n()
  if (query.isPending) return <Loading label={t('common.loading')} />
  if (query.error) return <ErrorNotice error={query.error} />
  if (query.data === undefined) return null
  if (isEmpty?.(query.data)) return <p className="empty">{empty}</p>
  return <>{children(query.data)}</>
}
