import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { startHost, type RunningHost } from '../../../src-main/host/server'
import { defaultReportOptions } from '../../../src-shared/api/reports'
import type { Result } from '../../../src-shared/api/result'
import { testApp, type TestApp } from '../../helpers/context'
import { createWorkspaceAt } from '../../helpers/files'

/**
 * The attack from the security review: whoever controls the page (a script injection) or holds the
 * web token asked the main process to write a PDF, a workspace or a copy over a file of their
 * choosing, or to open one. Every such request is now refused by the contract before any handler
 * runs, through the dispatcher and through the HTTP host alike, and the files are left as they were.
 */

const TOKEN = 'attack-test-token-0123456789'
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF')

let app: TestApp
let host: RunningHost
let home: string
let notes: string
let other: string
let printed = 0

// One app for the file: every test compares the files before and after, so they need no fresh one.
beforeAll(async () => {
  app = testApp({
    platform: {
      kind: 'web',
      systemLocales: () => ['en-US'],
      printToPdf: async () => {
        printed++
        return PDF
      },
    },
  })
  // The user's own files: a text file and a workspace they once opened (so it is in the recent list).
  home = join(app.dir, 'home')
  mkdirSync(home)
  notes = join(home, 'notes.txt')
  writeFileSync(notes, 'my notes, which nobody may overwrite\n')
  other = join(home, 'other.cxdesk')
  await createWorkspaceAt(app, other)
  await app.api.call('workspace.close', {})
  await app.api.call('workspace.create', { name: 'Current' })
  const staticDir = join(app.dir, 'renderer')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>CX Desk</title>')
  host = await startHost({ ctx: app.ctx, invoke: app.invoke, token: TOKEN, staticDir })
}, 120_000)
afterAll(async () => {
  await host.close()
  await app.cleanup()
})

/** Every file in a folder with a hash of its bytes: a write, a new file or a removed one all show. */
const fingerprint = (folder: string) => Object.fromEntries(readdirSync(folder).map((f) => [f, createHash('sha256').update(readFileSync(join(folder, f))).digest('hex')]))

function post(path: string, body: string | Buffer, contentType: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      // A fresh connection each time: a kept-alive socket may be closed by the host while a slow test runs.
      { host: '127.0.0.1', port: host.port, method: 'POST', path, agent: false, headers: { host: `127.0.0.1:${host.port}`, authorization: `Bearer ${TOKEN}`, 'content-type': contentType } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

type Send = (channel: string, payload: unknown) => Promise<Result<unknown>>
const transports: Array<[string, Send]> = [
  ['the dispatcher', (channel, payload) => app.invoke(channel, payload)],
  [
    'the HTTP host',
    async (channel, payload) => {
      const res = await post(`/api/invoke/${channel}`, JSON.stringify(payload), 'application/json')
      expect(res.status).toBe(200)
      return JSON.parse(res.body) as Result<unknown>
    },
  ],
]

const options = () => ({ ...defaultReportOptions('manager', 'en'), period: { preset: 'all' as const } })

/** The requests of the attack (made when the test runs, once the files exist), with a path where the old contract took one, or where an id is meant now. */
const attacks: Array<[string, string, () => unknown]> = [
  ['a PDF over a text file', 'reports.export', () => ({ exportId: 'attack-export-1', options: options(), path: notes })],
  ['a PDF over a text file, path as the id', 'reports.export', () => ({ exportId: 'attack-export-2', options: options(), fileId: notes })],
  ['a copy over a text file', 'workspace.saveCopy', () => ({ path: notes })],
  ['a copy over a text file, path as the id', 'workspace.saveCopy', () => ({ fileId: notes })],
  ['a new workspace planted in a folder of their choosing', 'workspace.create', () => ({ path: join(home, 'planted.cxdesk') })],
  ['a new workspace over a text file, with a name', 'workspace.create', () => ({ name: 'Innocent', path: notes })],
  ['a new workspace, path as the id', 'workspace.create', () => ({ fileId: join(home, 'planted.cxdesk') })],
  ['opening (and so migrating) a file of their choosing', 'workspace.open', () => ({ path: other })],
  ['opening a file of their choosing, path as the id', 'workspace.open', () => ({ fileId: other })],
]

describe.each(transports)('through %s', (transport, send) => {
  it.each(attacks)('refuses %s with VALIDATION and writes nothing', async (_label, channel, payload) => {
    const before = fingerprint(home)
    const current = app.ctx.session.require().ws.path
    const printedBefore = printed
    const result = await send(channel, payload())
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(fingerprint(home)).toEqual(before)
    expect(printed).toBe(printedBefore)
    expect(app.ctx.session.require().ws.path).toBe(current)
  })

  it('will not write through an id made for reading: an uploaded file, or a workspace from the list', async () => {
    const upload = await post('/api/files?name=notes.txt', 'uploaded text', 'text/plain')
    const uploadId = (JSON.parse(upload.body) as { data: { id: string } }).data.id
    const list = (await send('workspace.list', {})) as Result<{ recent: Array<{ id: string; path: string }> }>
    const listedId = list.ok ? list.data.recent.find((r) => r.path === other)?.id : undefined
    expect(listedId).toBeTruthy()
    const before = fingerprint(home)
    const uploads = fingerprint(app.ctx.paths.uploadsDir)
    const printedBefore = printed
    for (const fileId of [uploadId, listedId]) {
      for (const [channel, payload] of [
        ['reports.export', { exportId: `attack-${fileId}`, options: options(), fileId }],
        ['workspace.saveCopy', { fileId }],
        ['workspace.create', { fileId }],
      ] as const) {
        expect(await send(channel, payload)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      }
    }
    // Nor open an upload as a workspace.
    expect(await send('workspace.open', { fileId: uploadId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(fingerprint(home)).toEqual(before)
    expect(fingerprint(app.ctx.paths.uploadsDir)).toEqual(uploads)
    expect(printed).toBe(printedBefore)
  })

  it('still lets the page do what the user asks: open a listed workspace, create one by name, download a report', async () => {
    const name = `Made through ${transport}`
    const list = (await send('workspace.list', {})) as Result<{ recent: Array<{ id: string; path: string }> }>
    const listed = list.ok ? list.data.recent.find((r) => r.path === other) : undefined
    expect(await send('workspace.open', { fileId: listed?.id })).toMatchObject({ ok: true, data: { path: other } })
    expect(await send('workspace.create', { name })).toMatchObject({ ok: true, data: { path: join(app.ctx.paths.workspacesDir, `${name}.cxdesk`) } })
    expect(await send('reports.export', { exportId: 'page-export', options: options() })).toMatchObject({ ok: true, data: { path: null, downloadId: expect.any(String) } })
  })
})
