import type { RiskReason } from '../../../../src-shared/api/customers'
import type { MessageKey } from '../../../../src-shared/i18n/en'
import { useI18n } from '../../i18n/I18nProvider'

/** A risk reason in words, in the user's language: "Poor NPS score (4) on 12 Oct 2026". */
export function useReasonText(timezone: string) {
  const { t, fmt } = useI18n()
  const metric = (m: string) => (m === 'nps' || m === 'csat' || m === 'ces' ? t(`metric.${m}` as MessageKey) : m)
  return (r: RiskReason): string => {
    switch (r.kind) {
      case 'lastPoor':
        return t('customers.reason.lastPoor', { metric: metric(r.metric), score: fmt.integer(r.score), date: fmt.day(new Date(r.at).toLocaleDateString('en-CA', { timeZone: timezone })) })
      case 'lastNeutral':
        return t('customers.reason.lastNeutral', { metric: metric(r.metric), score: fmt.integer(r.score), date: fmt.day(new Date(r.at).toLocaleDateString('en-CA', { timeZone: timezone })) })
      case 'falling':
        return t('customers.reason.falling', { metric: metric(r.metric), from: fmt.integer(r.from), to: fmt.integer(r.to) })
      case 'openFollowUp':
        return t.plural('customers.reason.openFollowUp', r.days)
      case 'silence':
        return t.plural('customers.reason.silence', r.days)
    }
  }
}
