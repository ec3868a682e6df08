import { openInMemoryWorkspace } from '../../src-main/db/connect'
import { insertQuestions } from '../../src-main/db/questions'
import { writeMeta } from '../../src-main/db/meta'
import { defaultQuestions } from '../../src-main/workspace/defaultQuestions'
import type { OpenWorkspace } from '../../src-main/db/openWorkspace'
import { localDateConverter } from '../../src-shared/domain/timezone'
import { fakeClock } from './clock'
import { ensureDerivedData } from '../../src-main/feedback/derivedData'

/** A fresh workspace in memory, migrated to latest, with the default questions and a fixed zone. */
export async function freshWorkspace(timezone = 'Asia/Bangkok'): Promise<OpenWorkspace> {
  const ws = await openInMemoryWorkspace()
  await writeMeta(ws.db, { name: 'Test', timezone, created_at: String(fakeClock().now()), is_demo: '0' })
  await insertQuestions(ws.db, defaultQuestions)
  ensureDerivedData(ws.sqlite)
  return { ws, db: ws.db, settings: { name: 'Test', timezone, createdAt: 0, isDemo: false }, localDateOf: localDateConverter(timezone) }
}
