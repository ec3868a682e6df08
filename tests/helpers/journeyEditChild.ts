/**
 * Run in a child process by the persistence test, which kills it with SIGKILL mid-way: creates a
 * workspace with a journey map, then edits it in a loop through the real dispatcher. Before each
 * save it prints the document it expects (SENDING), and after the save returned, APPLIED with the
 * revision; then it waits for "go" on stdin, so the test decides exactly how far it may get.
 */
import { join } from 'node:path'
import { createAppContext } from '../../src-main/app/createAppContext'
import { createDispatcher } from '../../src-main/app/dispatch'
import { handlers } from '../../src-main/handlers/index'
import { createWorkspaceAt } from './files'
import { clientFromInvoke } from '../../src-shared/api/client'
import type { Command } from '../../src-shared/domain/journeys/commands'
import { applyCommand } from '../../src-shared/domain/journeys/reducer'
import { orderedSteps } from '../../src-shared/domain/journeys/grid'

/** Resolves on each line the parent writes to our stdin. */
function goSignals(): () => Promise<void> {
  const waiting: Array<() => void> = []
  let credit = 0
  process.stdin.setEncoding('utf8')
  process.stdin.on('data', (d: string) => {
    for (const ch of d) if (ch === '\n') (waiting.shift() ?? (() => credit++))()
  })
  return () => new Promise((resolve) => (credit > 0 ? (credit--, resolve()) : waiting.push(resolve)))
}

async function main() {
  const dir = process.argv[2]
  const nextGo = goSignals()
  const ctx = createAppContext({
    platform: { kind: 'cli', systemLocales: () => [] },
    paths: { dataDir: dir, workspacesDir: dir, uploadsDir: join(dir, 'uploads') },
    usePreferences: false,
    defaultTimezone: 'Asia/Bangkok',
  })
  const api = clientFromInvoke(createDispatcher(handlers, ctx))
  await createWorkspaceAt({ ctx, api }, join(dir, 'killed.cxdesk'))
  const { id } = await api.call('journeys.create', { name: 'Kill me', template: 'cafe', locale: 'vi' })
  let { doc, revision } = await api.call('journeys.get', { id })
  const steps = orderedSteps(doc)
  const cardLane = doc.lanes.find((l) => l.type === 'actions')?.id as string
  const emotionLane = doc.lanes.find((l) => l.type === 'emotion')?.id as string
  for (let i = 0; ; i++) {
    const cmds: Command[] =
      i % 2 === 0
        ? [{ type: 'moveCards', ids: [doc.cards[i % doc.cards.length].id], laneId: cardLane, stepId: steps[i % steps.length].id }]
        : [{ type: 'setEmotion', laneId: emotionLane, stepId: steps[i % steps.length].id, value: (i * 37) % 201 - 100 }]
    const next = applyCommand(doc, cmds[0])
    if (!next.ok) throw new Error(next.error.message)
    process.stdout.write(`SENDING ${JSON.stringify({ revision: revision + 1, doc: next.doc })}\n`)
    revision = (await api.call('journeys.apply', { id, baseRevision: revision, commands: cmds })).revision
    doc = next.doc
    process.stdout.write(`APPLIED ${JSON.stringify({ revision, id })}\n`)
    await nextGo()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
