import type { ChannelLabelsState } from '../../src-shared/api/labels'
import { channelLabel, channelLabelsSchema, noChannelLabels, type ChannelLabels } from '../../src-shared/domain/channelLabels'
import type { Locale } from '../../src-shared/domain/locales'
import type { Queries } from '../db/sqlite'
import { readMeta, writeMeta } from '../db/meta'

/** The workspace's own channel labels live in one `meta` entry: a handful of short strings needs no table. */
const KEY = 'channelLabels'

export async function readChannelLabels(db: Queries): Promise<ChannelLabels> {
  const raw = (await readMeta(db))[KEY]
  if (!raw) return noChannelLabels()
  try {
    const parsed = channelLabelsSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : noChannelLabels()
  } catch {
    // Written only by setChannelLabel; a damaged entry means the defaults, never a workspace that will not open.
    return noChannelLabels()
  }
}

/** The codes in the data (from the metrics' facets: the summaries, not a scan of every response) and those given a label. */
function channelCodes(inData: readonly string[], custom: ChannelLabels): string[] {
  const codes = new Set(inData)
  for (const byCode of Object.values(custom)) for (const code of Object.keys(byCode)) codes.add(code)
  return [...codes].sort((a, b) => a.localeCompare(b))
}

export async function channelLabelsState(db: Queries, inData: readonly string[]): Promise<ChannelLabelsState> {
  const custom = await readChannelLabels(db)
  return { codes: channelCodes(inData, custom), custom }
}

/** Names one code in one language, or (label null) goes back to the default. Input is validated by the contract. */
export async function setChannelLabel(db: Queries, inData: readonly string[], req: { locale: Locale; code: string; label: string | null }): Promise<ChannelLabelsState> {
  const custom = await readChannelLabels(db)
  const forLocale = { ...custom[req.locale] }
  if (req.label === null) delete forLocale[req.code]
  else forLocale[req.code] = req.label
  const next = { ...custom, [req.locale]: forLocale }
  await writeMeta(db, { [KEY]: JSON.stringify(next) })
  return { codes: channelCodes(inData, next), custom: next }
}

/** Every channel of the workspace as a report in `locale` prints it. */
export async function channelLabelsFor(db: Queries, inData: readonly string[], locale: Locale): Promise<Record<string, string>> {
  const { codes, custom } = await channelLabelsState(db, inData)
  return Object.fromEntries(codes.map((code) => [code, channelLabel(code, locale, custom)]))
}
