import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract } from '../../../src-shared/api/contract'

/**
 * No request of the contract may name a file by path: the renderer and the web transport speak
 * for whoever controls the page (or holds the token), not for the user. Files cross as opaque ids
 * the main process handed out. This walks every request schema, so a new channel cannot slip a
 * path back in.
 */

/** The parts of a zod 4 schema's definition the walk needs. */
interface Def {
  type: string
  shape?: Record<string, Walkable>
  innerType?: Walkable
  element?: Walkable
  options?: Walkable[]
  keyType?: Walkable
  valueType?: Walkable
  in?: Walkable
  out?: Walkable
  getter?: () => Walkable
  items?: Walkable[]
  rest?: Walkable | null
  left?: Walkable
  right?: Walkable
}
interface Walkable {
  _zod: { def: Def }
}

const LEAVES = new Set(['string', 'number', 'int', 'bigint', 'boolean', 'enum', 'literal', 'null', 'undefined', 'date', 'nan', 'template_literal'])
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch', 'success'])

interface Field {
  channel: string
  key: string
  schema: Walkable
}

/** Every object key of every request, with its schema; refuses schema kinds it cannot see into (they could hide a path). */
function requestFields(channels: Record<string, { request: unknown }>): { fields: Field[]; unknownKinds: string[] } {
  const fields: Field[] = []
  const unknownKinds: string[] = []
  for (const [channel, def] of Object.entries(channels)) {
    const seen = new Set<Walkable>()
    const walk = (s: Walkable): void => {
      if (seen.has(s)) return
      seen.add(s)
      const d = s._zod.def
      const next = (x: Walkable | null | undefined) => x && walk(x)
      if (d.type === 'object') {
        for (const [key, schema] of Object.entries(d.shape ?? {})) {
          fields.push({ channel, key, schema })
          walk(schema)
        }
      } else if (WRAPPERS.has(d.type)) next(d.innerType)
      else if (d.type === 'array') next(d.element)
      else if (d.type === 'union') d.options?.forEach(walk)
      else if (d.type === 'record') [d.keyType, d.valueType].forEach(next)
      else if (d.type === 'pipe') [d.in, d.out].forEach(next)
      else if (d.type === 'lazy') next(d.getter?.())
      else if (d.type === 'tuple') [...(d.items ?? []), d.rest].forEach(next)
      else if (d.type === 'intersection') [d.left, d.right].forEach(next)
      else if (!LEAVES.has(d.type)) unknownKinds.push(`${channel}: ${d.type}`)
    }
    walk(def.request as Walkable)
  }
  return { fields, unknownKinds }
}

/** Keys that say "a place in the file system". `fileId` is the one allowed way to name a file. */
const PATH_LIKE_KEY = /path|folder|director|dest|filename|file$|files$|dir$|^(out|output|src|source|target|uri|url)$/i
/** Keys where a file (or any other thing) is named by id: these must not take a path either. */
const NAMES_A_THING = /file|^ids?$|Ids?$/

const PATHS = ['/etc/passwd', '/home/user/notes.txt', 'C:\\Users\\me\\notes.txt', 'C:/Users/me/notes.txt', '\\\\server\\share\\notes.txt', '../notes.txt', '~/notes.txt', 'file:///etc/passwd']

const acceptsAPath = (schema: Walkable) => PATHS.filter((p) => [p, [p]].some((v) => (schema as unknown as z.ZodType).safeParse(v).success))

function violations(channels: Record<string, { request: unknown }>): string[] {
  const { fields, unknownKinds } = requestFields(channels)
  const found = unknownKinds.map((k) => `cannot see inside ${k}`)
  for (const f of fields) {
    if (PATH_LIKE_KEY.test(f.key)) found.push(`${f.channel}: field "${f.key}" is named like a path`)
    else if (NAMES_A_THING.test(f.key)) {
      const taken = acceptsAPath(f.schema)
      if (taken.length) found.push(`${f.channel}: field "${f.key}" accepts ${taken.join(', ')}`)
    }
  }
  return found
}

describe('the contract names no file by path', () => {
  it('has no request field named like a path, and no id field that accepts one', () => {
    expect(violations(contract)).toEqual([])
  })

  it('walks the whole contract (so the check above cannot pass by seeing nothing)', () => {
    const { fields } = requestFields(contract)
    const where = (key: string) => fields.filter((f) => f.key === key).map((f) => f.channel)
    expect(new Set(fields.map((f) => f.channel)).size).toBeGreaterThan(40)
    expect(where('fileId')).toEqual(expect.arrayContaining(['workspace.create', 'workspace.open', 'workspace.saveCopy', 'reports.export', 'import.inspect', 'import.run']))
    // Deep inside: report options → branding, and journey commands → cards.
    expect(where('accent')).toContain('reports.export')
    expect(where('cardId')).toContain('journeys.apply')
  })

  it('catches a path field, a path-shaped id and a schema it cannot read', () => {
    const channel = (request: z.ZodType) => ({ request })
    expect(
      violations({
        'a.export': channel(z.strictObject({ options: z.strictObject({ outputPath: z.string().optional() }) })),
        'a.save': channel(z.strictObject({ dest: z.string() })),
        'a.open': channel(z.strictObject({ fileId: z.string().min(8) })),
        'a.many': channel(z.strictObject({ fileIds: z.array(z.string()) })),
        'a.custom': channel(z.strictObject({ thing: z.custom<string>() })),
      }),
    ).toEqual([
      'cannot see inside a.custom: custom',
      'a.export: field "outputPath" is named like a path',
      'a.save: field "dest" is named like a path',
      `a.open: field "fileId" accepts ${PATHS.join(', ')}`,
      `a.many: field "fileIds" accepts ${PATHS.join(', ')}`,
    ])
  })
})
