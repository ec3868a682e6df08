import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { groupedGraph, importCycles, importGraph } from './importGraph'

const root = join(__dirname, '../../..')

describe('import cycles', () => {
  it('finds a cycle when there is one (so a zero below means something)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ])
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']])
  })

  it('reads the renderer: the shell imports the pages, a page imports platform/', () => {
    const graph = importGraph(join(root, 'src-renderer'))
    expect(graph.get('src/app/pages.tsx')).toContain('src/features/feedback/InboxPage.tsx')
    expect(graph.get('src/features/feedback/InboxPage.tsx')).toContain('src/platform/pageProps.ts')
  })

  it.each(['src-renderer', 'src-shared'])('%s has none', (tree) => {
    expect(importCycles(importGraph(join(root, tree)))).toEqual([])
  })

  it("the renderer's layers and features do not import each other in a loop either", () => {
    // src/features/feedback/themes/ThemesPage.tsx counts as features/feedback; src/app/Shell.tsx as app.
    const unit = (file: string) => {
      const [, top, feature] = file.split('/')
      return top === 'features' ? `features/${feature}` : top
    }
    const layers = groupedGraph(importGraph(join(root, 'src-renderer')), unit)
    expect(layers.get('app')).toContain('features/feedback')
    expect(importCycles(layers)).toEqual([])
  })
})
