import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import { useI18n } from '../../../i18n/I18nProvider'
import { compareSummary } from '../compare/compareDocs'

/** Counts what the to-be version added, removed and changed against the as-is one, whichever of the two is open. */
export function CompareSummary({ doc, otherDoc }: { doc: JourneyDoc; otherDoc: JourneyDoc }) {
  const { t, fmt } = useI18n()
  const summary = doc.map.kind === 'to_be' ? compareSummary(otherDoc, doc) : compareSummary(doc, otherDoc)
  return (
    <p className="jm-compare-summary" data-testid="compare-summary">
      {t('journey.compare.summary', { added: t.plural('journey.compare.added', summary.added), removed: fmt.integer(summary.removed), changed: fmt.integer(summary.changed) })}
      {summary.emotionDelta !== null && ` ${t('journey.compare.emotion', { delta: fmt.signed(summary.emotionDelta) })}`}
    </p>
  )
}
