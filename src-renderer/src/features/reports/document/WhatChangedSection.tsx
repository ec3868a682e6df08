import type { ReportData } from '../../../../../src-shared/api/reports'
import { useI18n } from '../../../i18n/I18nProvider'
import { useStatementText } from './statementText'

/** A short plain-language paragraph, each sentence built from a figure printed elsewhere in the report. */
export function WhatChangedSection({ data }: { data: ReportData }) {
  const { t } = useI18n()
  const say = useStatementText()
  const statements = data.whatChanged ?? []
  if (!statements.length) return <p>{t('report.say.none')}</p>
  return (
    <ul className="report-statements">
      {statements.map((s, i) => (
        <li key={i} data-kind={s.kind}>
          {say(s)}
        </li>
      ))}
    </ul>
  )
}
