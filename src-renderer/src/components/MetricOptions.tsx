import { metricKinds } from '../../../src-shared/domain/scores'
import { useI18n } from '../i18n/I18nProvider'

/** The options of a score-metric select (NPS, CSAT, CES), named in the UI language; the select around them is the caller's. */
export function MetricOptions() {
  const { t } = useI18n()
  return (
    <>
      {metricKinds.map((m) => (
        <option key={m} value={m}>
          {t(`metricName.${m}`)}
        </option>
      ))}
    </>
  )
}
