import fc from 'fast-check'
import type { z } from 'zod'
import { seededRandom } from '../../src-main/demo/random'
import { defOf, numberBounds, recordMaxKeys, stringMax, arrayMax, checksOf, isInteger, type SchemaDef } from './schemaWalk'

type Rng = ReturnType<typeof seededRandom>

/**
 * Request payloads built from a channel's zod schema, each with exactly one fault planted at a
 * random node (a wrong type, one past a limit, an unknown key, a missing field…), reproducible
 * from a seed. The robustness suite sends them to the host: every one must be refused.
 */
export function faultyPayloads(schema: z.ZodType, count: number, seed: number): unknown[] {
  const rng = seededRandom(seed)
  const out: unknown[] = []
  for (let i = 0; i < count; i++) {
    const nodes = countNodes(schema, rng.next)
    const gen = new Generator(rng, Math.floor(rng.next() * Math.max(nodes, 1)))
    out.push(gen.value(schema, 0))
  }
  return out
}

/** Roughly how many nodes a generated value has, to place the fault uniformly among them. */
function countNodes(schema: z.ZodType, next: () => number): number {
  const probe = new Generator({ next, pick: (xs) => xs[0], normal: () => 0 } as Rng, -1)
  probe.value(schema, 0)
  return probe.seen
}

const MAX_DEPTH = 8
/** Values no schema of the contract accepts where it wants something else. */
const ALIENS: unknown[] = ['x', 42, 1.5, true, null, [], {}, [null], { __proto__: null, constructor: 1 }, '\u0000', '9'.repeat(400), -0.0001]

const regexPools = new Map<string, string[]>()
function matching(pattern: RegExp, rng: Rng): string {
  let pool = regexPools.get(pattern.source)
  if (!pool) {
    pool = fc.sample(fc.stringMatching(pattern, { size: 'small' }), { seed: 1, numRuns: 30 })
    regexPools.set(pattern.source, pool)
  }
  return rng.pick(pool)
}

class Generator {
  seen = 0
  constructor(
    private readonly rng: Rng,
    /** Which node (in generation order) gets the fault; -1 for none. */
    private readonly faultAt: number,
  ) {}

  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.rng.next() * (hi - lo + 1))
  }

  value(schema: z.ZodType, depth: number): unknown {
    const d = defOf(schema)
    switch (d.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        if (d.type === 'nullable' && this.rng.next() < 0.15 && this.seen !== this.faultAt) return null
        return this.value(d.innerType!, depth)
      case 'pipe':
        return this.value(d.in!, depth)
      case 'lazy':
        return this.value(d.getter!(), depth)
    }
    const here = this.seen++
    if (here === this.faultAt) return this.fault(schema, d, depth)
    return this.good(schema, d, depth)
  }

  private good(schema: z.ZodType, d: SchemaDef, depth: number): unknown {
    switch (d.type) {
      case 'string': {
        const pattern = checksOf(schema).find((c) => c.check === 'string_format' && c.pattern)?.pattern
        if (pattern) return matching(pattern, this.rng)
        const min = checksOf(schema).find((c) => c.check === 'min_length')?.minimum ?? 0
        const max = Math.min(stringMax(schema) ?? 12, min + 12)
        return 'aé ก1'.repeat(4).slice(0, this.int(min, Math.max(min, max)))
      }
      case 'number': {
        const { min, max } = numberBounds(schema)
        const lo = Math.max(min ?? -1000, -1000)
        const hi = Math.min(max ?? 1000, 1000)
        const v = lo + this.rng.next() * (hi - lo)
        return isInteger(schema) ? Math.round(v) : v
      }
      case 'boolean':
        return this.rng.next() < 0.5
      case 'literal':
        return d.values?.[0]
      case 'enum':
        return this.rng.pick(Object.values(d.entries ?? {}))
      case 'null':
        return null
      case 'array': {
        const min = checksOf(schema).find((c) => c.check === 'min_length')?.minimum ?? 0
        const n = depth >= MAX_DEPTH ? min : this.int(min, Math.min(arrayMax(schema) ?? 3, min + 3))
        return Array.from({ length: n }, () => this.value(d.element!, depth + 1))
      }
      case 'object': {
        const out: Record<string, unknown> = {}
        for (const [k, v] of Object.entries(d.shape ?? {})) {
          const optional = ['optional', 'default', 'prefault'].includes(defOf(v).type)
          if (optional && (depth >= MAX_DEPTH || this.rng.next() < 0.5)) continue
          out[k] = this.value(v, depth + 1)
        }
        return out
      }
      case 'union':
        return this.value(this.rng.pick(d.options ?? []), depth)
      case 'record': {
        const out: Record<string, unknown> = {}
        for (let i = this.int(0, 2); i > 0 && depth < MAX_DEPTH; i--) out[String(this.value(d.keyType!, depth + 1))] = this.value(d.valueType!, depth + 1)
        return out
      }
      case 'tuple':
        return (d.items ?? []).map((s) => this.value(s, depth + 1))
      default:
        return null
    }
  }

  /** One value this node refuses: past a limit where it has one, otherwise of a wrong kind. */
  private fault(schema: z.ZodType, d: SchemaDef, depth: number): unknown {
    const alien = () => this.rng.pick(ALIENS)
    const options: Array<() => unknown> = [alien]
    switch (d.type) {
      case 'string': {
        const max = stringMax(schema)
        if (max !== null && Number.isFinite(max)) options.push(() => 'x'.repeat(max + 1), () => 'ข'.repeat(max + 1))
        const min = checksOf(schema).find((c) => c.check === 'min_length')?.minimum
        if (min) options.push(() => '')
        if (checksOf(schema).some((c) => c.pattern)) options.push(() => '../../etc/passwd', () => '<script>')
        break
      }
      case 'number': {
        const { min, max } = numberBounds(schema)
        if (max !== null) options.push(() => max + 1, () => 1e308)
        if (min !== null) options.push(() => min - 1, () => -1e308)
        if (isInteger(schema)) options.push(() => 0.5, () => 2 ** 63)
        options.push(() => '1')
        break
      }
      case 'enum':
        options.push(() => 'not-a-choice', () => '')
        break
      case 'array': {
        const max = arrayMax(schema)
        if (max !== null && max <= 20_000) {
          const one = this.good(defOf(d.element!).type === 'object' ? d.element! : d.element!, defOf(d.element!), MAX_DEPTH)
          options.push(() => Array.from({ length: max + 1 }, () => one))
        }
        options.push(() => 'not a list', () => ({ 0: 'a' }))
        break
      }
      case 'object': {
        const good = this.good(schema, d, depth) as Record<string, unknown>
        options.push(() => ({ ...good, unexpected: true }), () => withProtoKey(good))
        const required = Object.entries(d.shape ?? {}).filter(([, v]) => !['optional', 'default', 'prefault'].includes(defOf(v).type))
        if (required.length)
          options.push(() => {
            const copy = { ...good }
            delete copy[this.rng.pick(required)[0]]
            return copy
          })
        break
      }
      case 'record': {
        const maxKeys = recordMaxKeys(schema)
        if (maxKeys !== null) options.push(() => Object.fromEntries(Array.from({ length: maxKeys + 1 }, (_, i) => [`k${i}`, []])))
        break
      }
    }
    return this.rng.pick(options)()
  }
}

/** The object with an own "__proto__" key, as JSON.parse makes it (an attempt at prototype pollution). */
function withProtoKey(good: Record<string, unknown>): unknown {
  const rest = JSON.stringify(good).slice(1)
  return JSON.parse(`{"__proto__":{"admin":true}${rest === '}' ? '}' : `,${rest}`}`)
}

/**
 * Whole bodies (as JSON text) that are no channel's request: not objects, or nested past any sense
 * (built as text: JSON.stringify itself would overflow the stack on them).
 */
export function alienBodies(): string[] {
  const deepObject = '{"filter":'.repeat(50_000) + '{}' + '}'.repeat(50_000)
  const deepList = '['.repeat(100_000) + ']'.repeat(100_000)
  return ['"x"', '0', '-1', '1e308', 'true', 'null', '[]', '[{}]', deepObject, deepList, '{"__proto__":{"polluted":true}}', JSON.stringify('x'.repeat(100_000))]
}
