import type { BenchOptions } from '../harness'

/**
 * One part of the robustness section (HTTP requests, file mutations, killed imports…). Each part
 * reports its own counts and a `failures` figure; the section adds the failures up.
 */
export interface RobustnessPart {
  name: string
  run(opts: BenchOptions & { seed: number; scale: number }): Promise<{ failures: number } & Record<string, unknown>>
}
