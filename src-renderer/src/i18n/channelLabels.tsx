import { createContext, useCallback, useContext, type ReactNode } from 'react'
import { channelLabel } from '../../../src-shared/domain/channelLabels'
import { useApiQuery } from '../api/hooks'
import { useI18n } from './I18nProvider'

/** A report's own labels (from its data, in its language); outside a report, the workspace's. */
const ReportLabels = createContext<Record<string, string> | null>(null)

export function ChannelLabelScope({ labels, children }: { labels: Record<string, string>; children: ReactNode }) {
  return <ReportLabels.Provider value={labels}>{children}</ReportLabels.Provider>
}

/**
 * Words for a value of a dimension: a channel code becomes its label in the page's language, every
 * other dimension's value (a touchpoint, a location …) is already words and stays as it is.
 */
export function useDimValueLabel(): (dim: string, value: string) => string {
  const scoped = useContext(ReportLabels)
  const { locale } = useI18n()
  const workspace = useApiQuery('labels.channels', {}, { enabled: scoped === null })
  const custom = workspace.data?.custom
  return useCallback(
    (dim: string, value: string) => (dim !== 'channel' ? value : (scoped?.[value] ?? channelLabel(value, locale, scoped ? null : custom))),
    [scoped, locale, custom],
  )
}

/** The label of one channel code. */
export function useChannelLabel(): (code: string) => string {
  const label = useDimValueLabel()
  return useCallback((code: string) => label('channel', code), [label])
}
