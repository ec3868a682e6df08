import type { Handlers } from '../../src-shared/api/contract'
import { AppError } from '../../src-shared/api/result'
import type { AppContext } from '../app/context'
import { listAddresses } from '../collection/collectionController'
import { qrModules } from '../collection/qr'
import { posterData, posterJob, printPoster } from '../collection/posterService'
import { addLink, linkToken, listSurveys, revokeLink, saveSurvey, setLogo } from '../collection/surveysService'

const sqliteOf = (ctx: AppContext) => ctx.session.require().ws.sqlite

export const collectionHandlers = {
  'collection.surveys': (_req, ctx) => ({ surveys: listSurveys(sqliteOf(ctx)) }),
  'collection.saveSurvey': (req, ctx) => saveSurvey(sqliteOf(ctx), req, ctx.clock.now()),
  'collection.setLogo': ({ surveyId, logo }, ctx) => setLogo(sqliteOf(ctx), surveyId, logo, ctx.clock.now()),
  'collection.addLink': ({ surveyId, kind, location }, ctx) => addLink(sqliteOf(ctx), surveyId, kind, location, ctx.clock.now()),
  'collection.revokeLink': ({ linkId, revoked }, ctx) => revokeLink(sqliteOf(ctx), linkId, revoked, ctx.clock.now()),
  'collection.interfaces': () => ({ interfaces: listAddresses() }),
  'collection.status': (_req, ctx) => ctx.collection.status(),
  'collection.start': ({ host, port }, ctx) => ctx.collection.start(host, port),
  'collection.stop': (_req, ctx) => ctx.collection.stop(),
  'collection.qr': ({ linkId }, ctx) => {
    const base = ctx.collection.status().baseUrl
    if (!base) throw new AppError('VALIDATION', 'Start collecting first: the QR code holds the address it listens on.')
    const url = `${base}/s/${linkToken(sqliteOf(ctx), linkId)}`
    return { url, ...qrModules(url) }
  },
  'collection.poster': ({ surveyId, layout, language, address, fileId }, ctx) => {
    const base = address ? `http://${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}` : ctx.collection.status().baseUrl
    if (!base) throw new AppError('VALIDATION', 'Start collecting first: the QR codes hold the address it listens on.')
    return printPoster(ctx, posterData(sqliteOf(ctx), surveyId, base, layout, language), fileId)
  },
  'collection.posterJob': ({ job }) => posterJob(job),
} satisfies Pick<
  Handlers<AppContext>,
  | 'collection.surveys'
  | 'collection.saveSurvey'
  | 'collection.setLogo'
  | 'collection.addLink'
  | 'collection.revokeLink'
  | 'collection.interfaces'
  | 'collection.status'
  | 'collection.start'
  | 'collection.stop'
  | 'collection.qr'
  | 'collection.poster'
  | 'collection.posterJob'
>
