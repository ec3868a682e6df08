import { lazy, StrictMode, Suspense, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import './styles/fonts.css'
import './styles/app.css'
// The report's journey maps are drawn by the map view, whose styles live with the journey pages.
import './features/journeys/journey.css'
import { ApiProvider } from './api/ApiProvider'
import { createTransport, type Transport } from './api/transport'
import { I18nProvider } from './i18n/I18nProvider'
import { parseHash } from './platform/router'
import { ReportPrintPage } from './features/reports/print/ReportPrintPage'

// A person's data export and a survey's poster are printed rarely: their documents are loaded when a
// job asks for one, so a report's print (the common case, and the standby tab) compiles none of them.
const PosterPrintPage = lazy(() => import('./features/collection/print/PosterPrintPage').then((m) => ({ default: m.PosterPrintPage })))
const SubjectPrintPage = lazy(() => import('./features/customers/print/SubjectDocument').then((m) => ({ default: m.SubjectPrintPage })))

/**
 * The print entry (print.html#/report-print?job=…): only the report document's code, so a printer
 * compiles a fraction of the app's script. A printer may load it ahead of time without a job and
 * hand it one later by changing the hash (reports/warmPrinter.ts): the script is compiled and the
 * fonts are loaded by then. It needs no push events, so it opens no event stream.
 */
function printTransport(): Transport {
  return { ...createTransport(), subscribe: () => () => undefined }
}

/** What a job prints, by the page in the hash: a report (#/report-print), a person's data export (#/subject-print) or a survey's QR poster (#/poster-print). */
type PrintKind = 'report' | 'subject' | 'poster'
const kindOf = (page: string): PrintKind => (page === 'subject-print' ? 'subject' : page === 'poster-print' ? 'poster' : 'report')
const jobInHash = () => {
  const route = parseHash(window.location.hash)
  const id = route.params.get('job')
  return id ? { id, kind: kindOf(route.page) } : null
}

function PrintRoot() {
  const [job, setJob] = useState(jobInHash)
  useEffect(() => {
    const update = () => setJob(jobInHash())
    window.addEventListener('hashchange', update)
    return () => window.removeEventListener('hashchange', update)
  }, [])
  if (!job) return null
  if (job.kind === 'report') return <ReportPrintPage key={job.id} jobId={job.id} />
  return (
    <Suspense fallback={null}>
      {job.kind === 'subject' ? <SubjectPrintPage key={job.id} jobId={job.id} /> : <PosterPrintPage key={job.id} jobId={job.id} />}
    </Suspense>
  )
}

// Every bundled face, loaded now rather than when a report's text first needs it (a Thai report
// would otherwise wait for the Thai faces in the middle of its layout).
for (const face of document.fonts) void face.load().catch(() => undefined)

const root = document.getElementById('root')
if (!root) throw new Error('print.html lacks #root')
createRoot(root).render(
  <StrictMode>
    <ApiProvider transport={printTransport()}>
      <I18nProvider>
        <PrintRoot />
      </I18nProvider>
    </ApiProvider>
  </StrictMode>,
)
