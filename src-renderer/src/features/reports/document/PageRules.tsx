import { useEffect } from 'react'
import { showsMaker, type ReportData } from '../../../../../src-shared/api/reports'
import { reportAudience } from '../../../../../src-shared/domain/reportNames'
import { localDateConverter } from '../../../../../src-shared/domain/timezone'
import { useI18n } from '../../../i18n/I18nProvider'

const PAPER = { a4: 'A4', letter: 'letter' } as const
const MAP_PAPER = { a4: 'A4', a3: 'A3' } as const

/** A CSS string literal: quotes and backslashes escaped, line breaks removed. */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`

/** "Page {page} of {pages}" as CSS content with the page counters in place of the placeholders. */
function counterContent(template: string): string {
  return template
    .split(/(\{page\}|\{pages\})/)
    .filter(Boolean)
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ')
}

/**
 * The printed pages' size, margins, running header (title, client) and footer (date made, page n of
 * m), in the report's language and fonts. @page rules cannot be set from a style attribute, so they
 * are given as a constructed style sheet (allowed by the page's CSP, which forbids inline styles).
 * The cover page carries no header or footer.
 */
export function PageRules({ data, title }: { data: ReportData; title: string }) {
  const { t, fmt } = useI18n()
  const { paper, orientation, branding } = data.options
  const mapPaper = data.options.mapPaper ?? 'a4'
  const right = reportAudience(data.options, data.workspace.name)
  // White-label unless the consultant asks otherwise: the consultant's name, never the tool's.
  const date = fmt.day(localDateConverter(data.workspace.timezone)(data.generatedAt))
  const consultant = branding.consultantName.trim()
  const made = showsMaker(data.options) ? t('report.generated', { date }) : consultant ? t('report.generatedBy', { name: consultant, date }) : t('report.generatedPlain', { date })
  // The PDF's Title: the report's and its client's (the print page's own title would name the tool).
  useEffect(() => {
    const before = document.title
    document.title = `${title} – ${right}`
    return () => {
      document.title = before
    }
  }, [title, right])
  useEffect(() => {
    const box = `font-family: 'Noto Sans', 'Noto Sans Thai', sans-serif; font-size: 8pt; color: #4a5568;`
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(`
      @page {
        size: ${PAPER[paper]} ${orientation};
        margin: 16mm 14mm 16mm 14mm;
        @top-left { content: ${cssString(title)}; ${box} }
        @top-right { content: ${cssString(right)}; ${box} }
        @bottom-left { content: ${cssString(made)}; ${box} }
        @bottom-right { content: ${counterContent(t('report.pageOf'))}; ${box} }
      }
      @page map {
        size: ${MAP_PAPER[mapPaper]} landscape;
      }
      @page cover {
        @top-left { content: none } @top-right { content: none } @bottom-left { content: none } @bottom-right { content: none }
      }`)
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
    }
  }, [paper, orientation, mapPaper, title, right, made, t])
  return null
}
