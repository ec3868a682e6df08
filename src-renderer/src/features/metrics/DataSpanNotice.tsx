import type { DataSpan } from '../../../../src-shared/domain/defaultView'
import type { PeriodUnit } from '../../../../src-shared/domain/periods'
import { ImportAction } from '../../components/ImportAction'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { spanRange } from './scoresParams'

/** An empty view says where the data is, and shows it in one click (whole periods, first to last). */
export function DataSpanNotice({ span, by, onShow }: { span: DataSpan | null; by: PeriodUnit; onShow: (range: { from: string; to: string }) => void }) {
  const { t, fmt } = useI18n()
  if (!span)
    return (
      <p className="data-span muted" data-testid="data-span">
        {t('dataSpan.none')} <ImportAction variant="secondary" />
      </p>
    )
  const first = fmt.month(span.first)
  const last = fmt.month(span.last)
  return (
    <p className="data-span" data-testid="data-span" role="status">
      {first === last ? t('dataSpan.oneMonth', { month: first }) : t('dataSpan.runs', { first, last })}{' '}
      <Button onClick={() => onShow(spanRange(span, by))}>
        {t('dataSpan.show')}
      </Button>
    </p>
  )
}
