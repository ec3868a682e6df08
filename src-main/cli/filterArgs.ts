import { dimensions, feedbackFilterSchema, filterListKeys, type FeedbackFilter } from '../../src-shared/api/filters'
import { UsageError, stringFlag, type ParsedArgs } from './args'

/** --from, --to and repeatable --filter key=value (e.g. --filter channel=app --filter band=poor) as a FeedbackFilter. */
export function filterFromArgs(args: ParsedArgs): FeedbackFilter {
  const raw: Record<string, unknown> = {}
  const from = stringFlag(args, 'from')
  const to = stringFlag(args, 'to')
  if (from) raw.from = from
  if (to) raw.to = to
  for (const pair of args.multi.get('filter') ?? []) {
    const eq = pair.indexOf('=')
    if (eq <= 0) throw new UsageError(`--filter ${pair}: write it as key=value`)
    const key = pair.slice(0, eq)
    const value = pair.slice(eq + 1)
    if (key === 'text') raw.text = value
    else if ((filterListKeys as readonly string[]).includes(key)) raw[key] = [...((raw[key] as string[]) ?? []), value]
    else throw new UsageError(`--filter ${key}: filter on one of ${[...filterListKeys, 'text'].join(', ')}`)
  }
  const parsed = feedbackFilterSchema.safeParse(raw)
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.') || 'filter'}: ${i.message}`).join('; '))
  return parsed.data
}

export function dimFromArgs(args: ParsedArgs): (typeof dimensions)[number] | undefined {
  const dim = stringFlag(args, 'dim')
  if (dim === undefined) return undefined
  if (!(dimensions as readonly string[]).includes(dim)) throw new UsageError(`--dim must be one of ${dimensions.join(', ')}`)
  return dim as (typeof dimensions)[number]
}
