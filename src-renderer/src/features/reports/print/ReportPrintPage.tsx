import { useEffect, useState } from 'react'
import { Chart } from '../../metrics/chartSetup'
import { useApiQuery } from '../../../api/hooks'
import { ReportDocument } from '../document/ReportDocument'

const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)))

/**
 * The print route (#/report-print?job=…): the bare report, no navigation or buttons, for Electron's
 * printToPDF or a headless browser. It says when it is laid out — data loaded, fonts ready, charts
 * drawn — through data-report-ready on <html> (or data-report-error), which the printer waits for.
 */
export function ReportPrintPage({ jobId }: { jobId: string }) {
  // Charts drawn at two device pixels per CSS pixel: 192 dpi on paper, sharp at print sizes; three
  // (288 dpi) looked the same in the PDF and cost 2.25 times the pixels to draw, encode and embed.
  useState(() => {
    Chart.defaults.devicePixelRatio = 2
    return null
  })
  const job = useApiQuery('reports.printJob', { jobId }, { retry: false, staleTime: Infinity })
  const data = job.data?.data

  useEffect(() => {
    const root = document.documentElement
    root.classList.add('report-print')
    return () => root.classList.remove('report-print')
  }, [])

  useEffect(() => {
    const root = document.documentElement
    if (job.error) root.dataset.reportError = job.error.message || 'the report could not be loaded'
    if (!data) return
    let stop = false
    void (async () => {
      await document.fonts.ready
      // One frame for the fonts' redraw of the charts, one for the maps' fit to the page.
      await frame()
      await frame()
      await Promise.all([...document.images].map((img) => (img.complete ? null : img.decode().catch(() => null))))
      if (!stop) root.dataset.reportReady = 'true'
    })()
    return () => {
      stop = true
    }
  }, [data, job.error])

  if (!data) return null
  return <ReportDocument data={data} print />
}
