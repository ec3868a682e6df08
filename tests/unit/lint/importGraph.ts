import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

const sourceFile = /\.(ts|tsx|mts|cts)$/
const candidates = (base: string) => [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : listSources(path)
    return sourceFile.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

/**
 * The import graph of the TypeScript files under `dir`, read from the code's own import and
 * export-from lines (type-only ones included: a type import is still a tie between two files).
 * Only relative imports that land on a file under `dir` are edges; packages and other trees are not.
 */
export function importGraph(dir: string): Map<string, string[]> {
  const root = resolve(dir)
  const files = listSources(root)
  const known = new Set(files)
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => candidates(resolve(dirname(file), spec)).find((c) => known.has(c) && existsSync(c)))
      .filter((t): t is string => t !== undefined)
    graph.set(relative(root, file), [...new Set(targets.map((t) => relative(root, t)))])
  }
  return graph
}

/** The strongly connected components with more than one file (or a file importing itself): each is an import cycle. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative so a deep tree cannot overflow the stack.
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const cycles: string[][] = []
  for (const start of graph.keys()) {
    if (index.has(start)) continue
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }]
    index.set(start, counter)
    low.set(start, counter++)
    stack.push(start)
    onStack.add(start)
    while (work.length > 0) {
      const frame = work[work.length - 1]
      const edges = graph.get(frame.node) ?? []
      if (frame.next < edges.length) {
        const to = edges[frame.next++]
        if (!index.has(to)) {
          index.set(to, counter)
          low.set(to, counter++)
          stack.push(to)
          onStack.add(to)
          work.push({ node: to, next: 0 })
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!))
        }
        continue
      }
      work.pop()
      if (work.length > 0) {
        const parent = work[work.length - 1].node
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!))
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = []
        let member: string
        do {
          member = stack.pop()!
          onStack.delete(member)
          component.push(member)
        } while (member !== frame.node)
        const selfLoop = component.length === 1 && (graph.get(frame.node) ?? []).includes(frame.node)
        if (component.length > 1 || selfLoop) cycles.push(component.sort())
      }
    }
  }
  return cycles
}

/** The same graph with files gathered into groups (a group's own imports are dropped). */
export function groupedGraph(graph: Map<string, string[]>, groupOf: (file: string) => string): Map<string, string[]> {
  const grouped = new Map<string, Set<string>>()
  for (const [from, targets] of graph) {
    const edges = grouped.get(groupOf(from)) ?? new Set<string>()
    for (const to of targets) if (groupOf(to) !== groupOf(from)) edges.add(groupOf(to))
    grouped.set(groupOf(from), edges)
  }
  return new Map([...grouped].map(([group, edges]) => [group, [...edges]]))
}
