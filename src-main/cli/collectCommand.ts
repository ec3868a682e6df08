import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { metricKinds, type MetricKind } from '../../src-shared/domain/scores'
import { COLOUR_PATTERN } from '../../src-shared/domain/collection'
import type { ApiClient } from '../../src-shared/api/contract'
import type { PosterLayout, Survey } from '../../src-shared/api/collection'
import { isLocale, type Locale } from '../../src-shared/domain/locales'
import { stringFlag, UsageError, type ParsedArgs } from './args'

export const SURVEY_USAGE = `  cxdesk survey <workspace.cxdesk> create --name <name> --metric nps|csat|ces [--location <place>] [--touchpoint <name>]
         [--shop <shop name>] [--colour #rrggbb] [--json]
         A survey to collect in the shop, with its first QR link; prints {"id": …, "link": …} with --json.
  cxdesk survey <workspace.cxdesk> poster --survey <id|name> --out <file.pdf> --host <address> --port <n>
         [--cards [--card-size a6|a7]] [--language en|vi|th] [--json]
         The survey's QR posters (A4, one page per open QR link), or with --cards its table cards (A6: 4 to an
         A4 sheet, A7: 8), in one language (English by default). The codes hold http://<address>:<port>/s/<link>:
         the address and port \`cxdesk collect\` will listen on. Needs Chromium, Chrome or Edge, as reports do.`

export const COLLECT_USAGE = `  cxdesk collect <workspace.cxdesk> --survey <id|name> --host <address> --port <n> [--kiosk]
         Serves the survey on the shop's network until Ctrl-C (--port 0 picks a free port; --host 0.0.0.0:
         every address of this computer); prints "Collecting on http://<address>:<port>/s/<link>".
         --kiosk uses the survey's kiosk link (a tablet's higher rate limit), made if it has none.`

/** The built renderer folder, which holds the kiosk page; built first when its sources changed (as for reports). */
export function kioskRendererDir(): string {
  const root = join(__dirname, '..', '..')
  if (process.env.CXDESK_RENDERER_DIR) return process.env.CXDESK_RENDERER_DIR
  const build = createRequire(__filename)(join(root, 'src-main', 'launcher', 'build.cjs')) as typeof import('../launcher/build.cjs')
  build.ensureBuilt(['renderer'])
  const dir = join(root, 'out', 'renderer')
  if (!existsSync(join(dir, 'kiosk.html'))) throw new Error(`The survey page was not found in ${dir}; run npm run build.`)
  return dir
}

export async function createSurveyFromArgs(api: ApiClient, args: ParsedArgs): Promise<Survey> {
  const name = stringFlag(args, 'name')
  if (!name || !name.trim()) throw new UsageError('survey create needs --name <name>')
  const metric = stringFlag(args, 'metric')
  if (!metric || !(metricKinds as readonly string[]).includes(metric)) throw new UsageError(`--metric must be one of ${metricKinds.join(', ')}`)
  const colour = stringFlag(args, 'colour') ?? '#2f6f5e'
  if (!COLOUR_PATTERN.test(colour)) throw new UsageError('--colour takes a colour as #rrggbb')
  return api.call('collection.saveSurvey', {
    name,
    metric: metric as MetricKind,
    askComment: true,
    askContact: true,
    shopName: stringFlag(args, 'shop') ?? '',
    colour,
    location: stringFlag(args, 'location') ?? null,
    touchpoint: stringFlag(args, 'touchpoint') ?? null,
  })
}

const CREATE_ONLY = ['name', 'metric', 'location', 'touchpoint', 'shop', 'colour']
const POSTER_ONLY = ['survey', 'out', 'cards', 'card-size', 'language', 'host', 'port']

/** The survey command's action, with no option of the other action. */
export function surveyAction(args: ParsedArgs, action: string | undefined): 'create' | 'poster' {
  if (action !== 'create' && action !== 'poster') throw new UsageError('survey takes one action: create or poster')
  const foreign = action === 'create' ? POSTER_ONLY : CREATE_ONLY
  for (const name of foreign) if (args.flags.has(name) || stringFlag(args, name) !== undefined) throw new UsageError(`survey ${action} does not take --${name}`)
  return action
}

export interface PosterArgs {
  survey: string
  out: string
  layout: PosterLayout
  language: Locale
  host: string
  port: number
}

export function posterArgs(args: ParsedArgs): PosterArgs {
  const survey = stringFlag(args, 'survey')
  if (!survey) throw new UsageError('survey poster needs --survey <id|name>')
  const out = stringFlag(args, 'out')
  if (!out) throw new UsageError('survey poster needs --out <file.pdf>')
  const host = stringFlag(args, 'host')
  if (!host || host === '0.0.0.0') throw new UsageError('survey poster needs --host <address>: the address phones will reach (the one cxdesk collect listens on)')
  if (!/^[A-Za-z0-9.:-]{1,64}$/.test(host)) throw new UsageError('--host takes an address such as 192.168.1.20')
  const port = portFlag(args, 1, 'survey poster needs --port <n> from 1 to 65535: the port cxdesk collect will listen on')
  const size = stringFlag(args, 'card-size')
  if (size !== undefined && !args.flags.has('cards')) throw new UsageError('--card-size goes with --cards')
  if (size !== undefined && size !== 'a6' && size !== 'a7') throw new UsageError('--card-size must be a6 or a7')
  const language = stringFlag(args, 'language') ?? 'en'
  if (!isLocale(language)) throw new UsageError('--language must be en, vi or th')
  const layout: PosterLayout = args.flags.has('cards') ? (size === 'a7' ? 'cards-a7' : 'cards-a6') : 'poster'
  return { survey, out, layout, language, host, port }
}

export interface CollectArgs {
  survey: string
  host: string
  port: number
  kiosk: boolean
}

export function collectArgs(args: ParsedArgs): CollectArgs {
  const survey = stringFlag(args, 'survey')
  if (!survey) throw new UsageError('collect needs --survey <id|name>')
  const host = stringFlag(args, 'host')
  if (!host) throw new UsageError('collect needs --host <address> (an address of this computer, or 0.0.0.0)')
  const port = portFlag(args, 0, '--port must be a number from 0 to 65535 (0 picks a free port)', 'collect needs --port <n> (0 picks a free port)')
  return { survey, host, port, kiosk: args.flags.has('kiosk') }
}

/** --port as a number from `min` to 65535: `invalid` when it is not one, `missing` (else `invalid`) when it is absent. */
function portFlag(args: ParsedArgs, min: 0 | 1, invalid: string, missing = invalid): number {
  const text = stringFlag(args, 'port')
  if (text === undefined) throw new UsageError(missing)
  const port = Number(text)
  if (!/^\d{1,5}$/.test(text) || port < min || port > 65_535) throw new UsageError(invalid)
  return port
}
