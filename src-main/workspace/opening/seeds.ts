import type { WorkspaceDb } from '../../db/connect'
import { seedCafeDemo } from '../../demo/seedCafeDemo'
import { seedJourneyDemo } from '../../demo/seedJourneyDemo'

export interface SeedEnv {
  localDateOf: (ms: number) => string
  now: number
}

/** What a new workspace can be filled with, by name: a new workspace may be built in another thread, where no function can be passed. */
export const seeds = {
  cafeDemo: async (ws: WorkspaceDb, env: SeedEnv) => {
    await seedCafeDemo(ws, env)
    await seedJourneyDemo(ws, env)
  },
} satisfies Record<string, (ws: WorkspaceDb, env: SeedEnv) => Promise<void>>

export type SeedName = keyof typeof seeds
