import { globalRegistry, type z } from 'zod'

/**
 * A read-only view of zod 4's schema definitions (`schema._zod.def`), enough to walk a request
 * schema and see its bounds. Tests use it to check the contract and to build payloads from it.
 */
export interface CheckDef {
  check: string
  maximum?: number
  minimum?: number
  length?: number
  value?: number | bigint
  inclusive?: boolean
  format?: string
  pattern?: RegExp
}
export interface SchemaDef {
  type: string
  checks?: Array<{ _zod: { def: CheckDef } }>
  shape?: Record<string, z.ZodType>
  catchall?: z.ZodType
  element?: z.ZodType
  innerType?: z.ZodType
  in?: z.ZodType
  out?: z.ZodType
  options?: z.ZodType[]
  keyType?: z.ZodType
  valueType?: z.ZodType
  items?: z.ZodType[]
  rest?: z.ZodType | null
  getter?: () => z.ZodType
  entries?: Record<string, string | number>
  values?: unknown[]
  left?: z.ZodType
  right?: z.ZodType
  defaultValue?: unknown
}

export const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def
export const checksOf = (schema: z.ZodType): CheckDef[] => (defOf(schema).checks ?? []).map((c) => c._zod.def)

/** Wrappers that do not change what a value may be (optional, default, refine…), unwrapped. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema
  for (;;) {
    const d = defOf(s)
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type) && d.innerType) s = d.innerType
    else if (d.type === 'pipe' && d.in) s = d.in
    else if (d.type === 'lazy' && d.getter) s = d.getter()
    else return s
  }
}

/** Visits every schema node under `schema` with its path (object keys, `[]` for elements, `|n` for union options). */
export function walk(schema: z.ZodType, visit: (node: z.ZodType, def: SchemaDef, path: string) => void, path = '', seen = new Set<z.ZodType>()): void {
  if (seen.has(schema)) return
  seen.add(schema)
  const d = defOf(schema)
  visit(schema, d, path)
  const child = (s: z.ZodType | undefined | null, p: string) => s && walk(s, visit, p, seen)
  switch (d.type) {
    case 'object':
      for (const [k, v] of Object.entries(d.shape ?? {})) child(v, path ? `${path}.${k}` : k)
      if (d.catchall && defOf(d.catchall).type !== 'never') child(d.catchall, `${path}.*`)
      break
    case 'array':
      child(d.element, `${path}[]`)
      break
    case 'union':
      d.options?.forEach((o, i) => child(o, `${path}|${i}`))
      break
    case 'intersection':
      child(d.left, path)
      child(d.right, path)
      break
    case 'record':
      child(d.keyType, `${path}{key}`)
      child(d.valueType, `${path}{}`)
      break
    case 'tuple':
      d.items?.forEach((s, i) => child(s, `${path}[${i}]`))
      child(d.rest, `${path}[...]`)
      break
    case 'lazy':
      child(d.getter?.(), path)
      break
    case 'pipe':
      child(d.in, path)
      break
    default:
      child(d.innerType, path)
  }
}

/** A regular expression that by itself bounds a string's length: anchored, with no *, + or {n,}. */
export function regexBoundsLength(pattern: RegExp): boolean {
  const src = pattern.source
  if (!src.startsWith('^') || !src.endsWith('$')) return false
  const unescaped = src.replace(/\\./g, '')
  return !/[*+]|\{\d+,\}/.test(unescaped)
}

/** The largest length a string schema admits, or null when nothing bounds it. */
export function stringMax(schema: z.ZodType): number | null {
  let max: number | null = null
  for (const c of checksOf(schema)) {
    if (c.check === 'max_length' && c.maximum !== undefined) max = Math.min(max ?? Infinity, c.maximum)
    if (c.check === 'length_equals' && c.length !== undefined) max = Math.min(max ?? Infinity, c.length)
  }
  if (max !== null) return max
  return checksOf(schema).some((c) => c.check === 'string_format' && c.pattern && regexBoundsLength(c.pattern)) ? Number.POSITIVE_INFINITY : null
}

/** An array's largest length, or null when unbounded. */
export function arrayMax(schema: z.ZodType): number | null {
  for (const c of checksOf(schema)) {
    if (c.check === 'max_length' && c.maximum !== undefined) return c.maximum
    if (c.check === 'length_equals' && c.length !== undefined) return c.length
  }
  return null
}

/** A record's largest number of keys, declared with `.meta({ maxKeys })` beside the check that enforces it. */
export const recordMaxKeys = (schema: z.ZodType): number | null => {
  const meta = globalRegistry.get(schema) as { maxKeys?: number } | undefined
  return typeof meta?.maxKeys === 'number' ? meta.maxKeys : null
}

export const isInteger = (schema: z.ZodType) => checksOf(schema).some((c) => c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32' || c.format === 'uint32'))

/** Lower and upper bounds of a number (an integer is bounded by the safe range at least). */
export function numberBounds(schema: z.ZodType): { min: number | null; max: number | null } {
  let min: number | null = isInteger(schema) ? Number.MIN_SAFE_INTEGER : null
  let max: number | null = isInteger(schema) ? Number.MAX_SAFE_INTEGER : null
  for (const c of checksOf(schema)) {
    if (c.check === 'greater_than') min = Math.max(min ?? -Infinity, Number(c.value))
    if (c.check === 'less_than') max = Math.min(max ?? Infinity, Number(c.value))
  }
  return { min, max }
}
