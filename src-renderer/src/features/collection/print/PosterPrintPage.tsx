import { useEffect } from 'react'
import type { PosterData } from '../../../../../src-shared/api/collection'
import { translator } from '../../../../../src-shared/i18n/translate'
import { useApiQuery } from '../../../api/hooks'
import { QrCode } from '../QrCode'
import './poster.css'

const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)))

/** Cards on one A4 sheet: A6 (2 × 2) or A7 (2 × 4). */
const CARDS_PER_SHEET = { 'cards-a6': 4, 'cards-a7': 8 } as const

type Link = PosterData['links'][number]

/** One poster or card: the shop, the question in the poster's language, the code, three steps and the address. */
function Piece({ data, link, kind }: { data: PosterData; link: Link; kind: 'poster' | 'card' }) {
  const t = translator(data.language)
  const shop = data.shopName || data.surveyName
  return (
    <article className={`poster-piece poster-${kind}`} lang={data.language} style={{ ['--brand' as string]: data.colour }}>
      <header className="poster-head">
        {data.logo && <img className="poster-logo" src={data.logo} alt="" />}
        <span className="poster-shop">{shop}</span>
      </header>
      <h1 className="poster-question">{t(`kiosk.question.${data.metric}`, { shop: data.shopName || t('kiosk.shopFallback') })}</h1>
      <div className="poster-qr">
        <QrCode modules={link.modules} label={t('collection.qr.alt', { url: link.url })} size={kind === 'poster' ? 440 : 200} />
      </div>
      <ol className="poster-steps">
        <li>{t('poster.wifi')}</li>
        <li>{t('poster.scan')}</li>
        <li>{t('poster.tap')}</li>
      </ol>
      <p className="poster-url">
        {t('poster.typeAddress')} <span>{link.url}</span>
      </p>
      {kind === 'poster' && <p className="poster-private">{t('poster.private')}</p>}
      {link.location && <p className="poster-location">{link.location}</p>}
    </article>
  )
}

/** The sheets: one A4 poster per link, or per link one A4 sheet of identical cards to cut out. */
export function PosterDocument({ data }: { data: PosterData }) {
  if (data.layout === 'poster')
    return (
      <>
        {data.links.map((l) => (
          <section key={l.url} className="poster-sheet poster-sheet-poster">
            <Piece data={data} link={l} kind="poster" />
          </section>
        ))}
      </>
    )
  const n = CARDS_PER_SHEET[data.layout]
  return (
    <>
      {data.links.map((l) => (
        <section key={l.url} className={`poster-sheet poster-sheet-${data.layout}`}>
          {Array.from({ length: n }, (_, i) => (
            <Piece key={i} data={data} link={l} kind="card" />
          ))}
        </section>
      ))}
    </>
  )
}

/**
 * The print route (#/poster-print?job=…): the survey's QR posters or table cards, bare, for the
 * printer; data-report-ready on <html> when laid out (fonts ready, logo decoded), as the reports do.
 */
export function PosterPrintPage({ jobId }: { jobId: string }) {
  const job = useApiQuery('collection.posterJob', { job: jobId }, { retry: false, staleTime: Infinity })
  const data = job.data
  useEffect(() => {
    const root = document.documentElement
    if (job.error) root.dataset.reportError = job.error.message || 'the poster could not be loaded'
    if (!data) return
    // The PDF's title.
    document.title = data.shopName ? `${data.shopName} – ${data.surveyName}` : data.surveyName
    let stop = false
    void (async () => {
      await document.fonts.ready
      await frame()
      await Promise.all([...document.images].map((img) => (img.complete ? null : img.decode().catch(() => null))))
      if (!stop) root.dataset.reportReady = 'true'
    })()
    return () => {
      stop = true
    }
  }, [data, job.error])
  if (!data) return null
  return <PosterDocument data={data} />
}
