import { StrictMode, useEffect, useState } from 'react'
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
import { PosterPrintPage } from './features/collection/print/PosterPrintPage'

/**
 * The print entry (print.html#/report-print?job=…): only the report document's code, so a printer
 * compiles a fraction of the app's script. A printer may load it ahead of time without a job and
 * hand it one later by changing the hash (reports/warmPrinter.ts): the script is compiled and the
 * fonts are loaded by then. It needs no push events, so it opens no event stream.
 */
function printTransport(): Transport {
  return { ...createTransport(), subscribe: () => () => undefined }
}

const jobInHash = () => parseHash(window.location.hash).params.get('job')
/** #/poster-print?job=… is a survey's QR poster (collection); anything else with a job is a report. */
const isPoster = () => window.location.hash.startsWith('#/poster-print')

function PrintRoot() {
  const [job, setJob] = useState(jobInHash)
  const [poster, setPoster] = useState(isPoster)
  useEffect(() => {
    const update = () => {
      setJob(jobInHash())
      setPoster(isPoster())
    }
    window.addEventListener('hashchange', update)
    return () => window.removeEventListener('hashchange', update)
  }, [])
  if (!job) return null
  return poster ? <PosterPrintPage key={job} jobId={job} /> : <ReportPrintPage key={job} jobId={job} />
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
