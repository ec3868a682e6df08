import { existsSync, readFileSync } from 'node:fs'
import { columnRoles, dateOrders, delimiters, importMappingSchema, textEncodings, type ColumnMapping, type ImportMapping, type Inspection } from '../../src-shared/api/imports'
import { metricKinds, standardScales } from '../../src-shared/domain/scores'
import { UsageError, stringFlag, type ParsedArgs } from './args'
import { currentZoneName, isValidTimeZone } from '../../src-shared/domain/timezone'

export const IMPORT_USAGE = `  cxdesk import <workspace.cxdesk> <file.csv|file.xlsx> [--customers] [--map <mapping.json>|role=Column,…]
         [--date-order dmy|mdy] [--encoding utf-8|windows-1258|windows-874|…] [--delimiter ,|;|tab] [--sheet <name>]
         [--zone <IANA zone>] [--dry-run] [--json]
    --zone: the zone times written without one are read in (default: the workspace's).
    Without --map, known exports (Google Forms, SurveyMonkey, Typeform, Delighted, Qualtrics, the generator)
    and sources imported before are mapped automatically. Roles: ${columnRoles.filter((r) => r !== 'ignore').join(', ')};
    a score column is written nps=Column, csat=Column, ces=Column (standard scales) or score=Column.`

const DELIMITER_NAMES: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', pipe: '|' }

export function tableOptionsFromArgs(args: ParsedArgs) {
  const encoding = stringFlag(args, 'encoding')?.toLowerCase()
  if (encoding && !(textEncodings as readonly string[]).includes(encoding)) throw new UsageError(`--encoding must be one of ${textEncodings.join(', ')}`)
  const rawDelimiter = stringFlag(args, 'delimiter')
  const delimiter = rawDelimiter ? (DELIMITER_NAMES[rawDelimiter] ?? rawDelimiter) : undefined
  if (delimiter && !(delimiters as readonly string[]).includes(delimiter)) throw new UsageError('--delimiter must be , ; tab or |')
  const dateOrder = stringFlag(args, 'date-order')
  if (dateOrder && !(dateOrders as readonly string[]).includes(dateOrder)) throw new UsageError('--date-order must be dmy or mdy')
  return {
    encoding: encoding as (typeof textEncodings)[number] | undefined,
    delimiter: delimiter as (typeof delimiters)[number] | undefined,
    sheet: stringFlag(args, 'sheet'),
    dateOrder: dateOrder as (typeof dateOrders)[number] | undefined,
  }
}

/**
 * The mapping for a scripted import: a JSON file (as the app remembers them), or role=Column pairs
 * applied to the inspected header, or (neither) the proposal the inspection made.
 */
export function mappingFromArgs(args: ParsedArgs, insp: Inspection): ImportMapping | undefined {
  const map = stringFlag(args, 'map')
  const opts = tableOptionsFromArgs(args)
  let mapping: ImportMapping | undefined
  if (map && map.toLowerCase().endsWith('.json')) {
    if (!existsSync(map)) throw new UsageError(`--map ${map}: no such file`)
    const parsed = importMappingSchema.safeParse(JSON.parse(readFileSync(map, 'utf8')))
    if (!parsed.success) throw new UsageError(`--map ${map}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    mapping = parsed.data
  } else if (map) {
    const columns: ColumnMapping[] = []
    for (const pair of map.split(',')) {
      const eq = pair.indexOf('=')
      if (eq <= 0) throw new UsageError(`--map ${pair}: write it as role=Column`)
      const role = pair.slice(0, eq).trim()
      const column = pair.slice(eq + 1).trim()
      const index = insp.headers.findIndex((h) => h.toLowerCase() === column.toLowerCase())
      if (index < 0) throw new UsageError(`--map ${pair}: the file has no column "${column}" (it has: ${insp.headers.join(', ')})`)
      if ((metricKinds as readonly string[]).includes(role)) {
        const m = role as (typeof metricKinds)[number]
        columns.push({ index, role: 'score', score: { metric: m, ...standardScales[m], direction: 'higher_better' } })
      } else if ((columnRoles as readonly string[]).includes(role)) columns.push({ index, role: role as ColumnMapping['role'] })
      else throw new UsageError(`--map ${pair}: "${role}" is not a role (${columnRoles.join(', ')}, nps, csat, ces)`)
    }
    mapping = { ...insp.mapping, format: null, columns }
  }
  if (opts.dateOrder) mapping = { ...(mapping ?? insp.mapping), dateOrder: opts.dateOrder }
  const zone = zoneFlag(args)
  if (zone) mapping = { ...(mapping ?? insp.mapping), timezone: zone }
  return mapping
}

/** --zone (or --timezone for init) as an IANA zone; a name that is not one is a mistake in the command line. */
export function zoneFlag(args: ParsedArgs, name: 'zone' | 'timezone' = 'zone'): string | undefined {
  const zone = stringFlag(args, name)
  if (zone === undefined) return undefined
  if (!/^[A-Za-z0-9_+\-/]+$/.test(zone) || !isValidTimeZone(zone))
    throw new UsageError(`--${name} ${zone}: not a time zone. Use an IANA name such as Asia/Ho_Chi_Minh, Asia/Bangkok or UTC.`)
  return currentZoneName(zone)
}
