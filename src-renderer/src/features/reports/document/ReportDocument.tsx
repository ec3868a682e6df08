import type { CSSProperties, ReactNode } from 'react'
import { reportSections, type ReportData, type ReportSection } from '../../../../../src-shared/api/reports'
import { reportTitle } from '../../../../../src-shared/domain/reportNames'
import { LocaleScope, useI18n } from '../../../i18n/I18nProvider'
import { ChannelLabelScope } from '../../../i18n/channelLabels'
import { FixedChartSizesScope } from '../../metrics/fixedChartSize'
import { AppendixSection } from './AppendixSection'
import { BreakdownsSection } from './BreakdownsSection'
import { DriversSection } from './DriversSection'
import { FindingsSection } from './FindingsSection'
import { FollowUpSection } from './FollowUpSection'
import { HeadlineSection } from './HeadlineSection'
import { JourneysSection } from './JourneysSection'
import { PageRules } from './PageRules'
import { PersonasSection } from './PersonasSection'
import { Section } from './Section'
import { ThemesSection } from './ThemesSection'
import { TitleBlock } from './TitleBlock'
import { TrendsSection } from './TrendsSection'
import { WhatChangedSection } from './WhatChangedSection'
import '../reports.css'

/**
 * Sections that hold content under a numbered heading (the cover and the contents are pages of their
 * own). `newPage`: the section starts a page in a consultant's deliverable; the manager summary runs
 * on without blank space (a month fits in 2–4 pages), its headings kept with what follows them.
 */
type BodySection = Exclude<ReportSection, 'cover' | 'contents'>

const BODY: Record<BodySection, { render: (data: ReportData) => ReactNode; newPage: boolean }> = {
  headline: { render: (d) => <HeadlineSection data={d} />, newPage: false },
  whatChanged: { render: (d) => <WhatChangedSection data={d} />, newPage: false },
  trends: { render: (d) => <TrendsSection data={d} />, newPage: false },
  breakdowns: { render: (d) => <BreakdownsSection data={d} />, newPage: true },
  drivers: { render: (d) => <DriversSection data={d} />, newPage: true },
  themes: { render: (d) => <ThemesSection data={d} />, newPage: false },
  followUp: { render: (d) => <FollowUpSection data={d} />, newPage: true },
  personas: { render: (d) => <PersonasSection data={d} />, newPage: true },
  journeys: { render: (d) => <JourneysSection data={d} />, newPage: true },
  findings: { render: (d) => <FindingsSection data={d} kind="findings" />, newPage: true },
  opportunities: { render: (d) => <FindingsSection data={d} kind="opportunities" />, newPage: false },
  appendix: { render: (d) => <AppendixSection data={d} />, newPage: true },
}

const isBody = (s: ReportSection): s is BodySection => s !== 'cover' && s !== 'contents'

/**
 * The report itself: one layout for the live preview in the app and for the PDF (the print page
 * renders exactly this, with `print` adding the @page rules). Written in the report's language,
 * which may differ from the app's.
 */
export function ReportDocument({ data, print = false }: { data: ReportData; print?: boolean }) {
  return (
    <LocaleScope locale={data.options.locale}>
      <ChannelLabelScope labels={data.channelLabels}>
        <FixedChartSizesScope fixed={print}>
          <Document data={data} print={print} />
        </FixedChartSizesScope>
      </ChannelLabelScope>
    </LocaleScope>
  )
}

function Document({ data, print }: { data: ReportData; print: boolean }) {
  const { t, locale } = useI18n()
  const { options } = data
  const chosen = reportSections.filter((s) => options.sections.includes(s))
  const body = chosen.filter(isBody)
  const title = reportTitle(options, t)
  const style = { '--report-accent': options.branding.accent } as CSSProperties
  // A one-map PDF (the journey editor's): the map's pages alone, without title block or section heading.
  if (body.length === 1 && body[0] === 'journeys' && !chosen.includes('cover') && !chosen.includes('contents'))
    return (
      <article className={`report-doc paper-${options.paper} ${options.orientation} maps-${options.mapPaper ?? 'a4'} kind-${options.kind} map-only`} style={style} lang={locale} data-testid="report-document">
        {print && <PageRules data={data} title={title} />}
        <section className="report-section" data-section="journeys" aria-label={title}>
          <JourneysSection data={data} />
        </section>
      </article>
    )
  return (
    <article className={`report-doc paper-${options.paper} ${options.orientation} maps-${options.mapPaper ?? 'a4'} kind-${options.kind}`} style={style} lang={locale} data-testid="report-document">
      {print && <PageRules data={data} title={title} />}
      <TitleBlock data={data} title={title} cover={chosen.includes('cover')} />
      {chosen.includes('contents') && (
        <nav className="report-contents new-page" aria-label={t('report.section.contents')}>
          <h2>{t('report.section.contents')}</h2>
          <ol>
            {body.map((s) => (
              <li key={s}>{t(`report.section.${s}`)}</li>
            ))}
          </ol>
        </nav>
      )}
      {data.responses === 0 && <p className="report-empty">{t('report.empty')}</p>}
      {body.map((s, i) => (
        <Section key={s} id={s} number={i + 1} newPage={i === 0 ? chosen.includes('contents') : options.kind === 'consultant' && BODY[s].newPage}>
          {BODY[s].render(data)}
        </Section>
      ))}
    </article>
  )
}
