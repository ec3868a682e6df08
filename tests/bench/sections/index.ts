import type { BenchOptions, BenchSection } from '../harness'

/**
 * A section whose module (and what it imports: Playwright, DuckDB) is loaded only when it runs, so a
 * section's memory figures do not count the other sections' libraries.
 */
function lazy(name: string, load: () => Promise<BenchSection>): BenchSection {
  return { name, run: async (opts: BenchOptions) => (await load()).run(opts) }
}

/** Every bench section, in the order they run. Each area adds its own file and one line here. */
export const sections: BenchSection[] = [
  lazy('foundation', async () => (await import('./foundation')).foundation),
  lazy('inbox', async () => (await import('./inbox')).inbox),
  lazy('metrics', async () => (await import('./metrics')).metrics),
  lazy('journeys', async () => (await import('./journeys')).journeys),
  lazy('reports', async () => (await import('./reports')).reports),
  lazy('xlsx', async () => (await import('./xlsx')).xlsx),
  lazy('robustness', async () => (await import('./robustness')).robustness),
  lazy('cli', async () => (await import('./cli')).cli),
  lazy('open', async () => (await import('./open')).open),
  lazy('importpeer', async () => (await import('./importPeer')).importPeer),
  lazy('export', async () => (await import('./export')).exportSection),
  lazy('collect', async () => (await import('./collect')).collect),
  lazy('customers', async () => (await import('./customers')).customers),
]
