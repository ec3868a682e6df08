import type { ReactNode } from 'react'
import type { ReportSection } from '../../../../../src-shared/api/reports'
import { useI18n } from '../../../i18n/I18nProvider'

/** A numbered section of a report; `newPage` starts it on a fresh page when printed. */
export function Section({ id, number, newPage = false, children }: { id: ReportSection; number: number; newPage?: boolean; children: ReactNode }) {
  const { t } = useI18n()
  return (
    <section className={newPage ? 'report-section new-page' : 'report-section'} data-section={id} aria-labelledby={`report-${id}`}>
      <h2 id={`report-${id}`}>
        <span className="report-section-number">{number}.</span> {t(`report.section.${id}`)}
      </h2>
      {children}
    </section>
  )
}

/** What a section says when the period gives it nothing to show. */
export function Nothing({ text }: { text?: string }) {
  const { t } = useI18n()
  return <p className="muted">{text ?? t('report.notInReport')}</p>
}
