import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { readMeta, writeMeta } from '../db/meta'

const KEY = 'customers.riskRules'

/** The workspace's tuned risk rules (JSON), or null when they were never changed. */
export async function storedRiskRules(db: Kysely<DB>): Promise<string | null> {
  return (await readMeta(db))[KEY] ?? null
}

export async function storeRiskRules(db: Kysely<DB>, json: string): Promise<void> {
  await writeMeta(db, { [KEY]: json })
}
