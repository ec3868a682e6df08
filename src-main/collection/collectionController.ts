import { networkInterfaces } from 'node:os'
import type { CollectionStatus } from '../../src-shared/api/collection'
import { AppError } from '../../src-shared/api/result'
import type { EventBus } from '../common/events'
import type { OpenWorkspace } from '../db/openWorkspace'
import { startCollectionServer, type CollectionLimits, type CollectionServer } from './collectionServer'
import { loadKioskPage } from './kioskPage'
import type { AnswerBatchOptions } from './answerBatch'
import { startCheckpointer, type Checkpointer } from './checkpoint/checkpointer'

export interface NetworkAddress {
  name: string
  address: string
  loopback: boolean
}

/** The machine's IPv4 addresses: the shop's Wi-Fi first, loopback last (for trying the page on this computer). */
export function listAddresses(): NetworkAddress[] {
  const out: NetworkAddress[] = []
  for (const [name, addrs] of Object.entries(networkInterfaces())) {
    for (const a of addrs ?? []) if (a.family === 'IPv4') out.push({ name, address: a.address, loopback: a.internal })
  }
  return out.sort((a, b) => Number(a.loopback) - Number(b.loopback) || a.name.localeCompare(b.name))
}

export interface CollectionDeps {
  workspace: () => OpenWorkspace | null
  events: EventBus
  now: () => number
  /** The built renderer (the kiosk page); absent: collection cannot run in this process. */
  rendererDir?: string
  limits?: Partial<CollectionLimits>
  /** The group commit's options (answerBatch.ts). */
  batch?: AnswerBatchOptions
  /** better-sqlite3's binding for this runtime, for the checkpoint thread's connection. */
  nativeBinding?: string
}

/**
 * Starts and stops the shop's survey server for one process. Off until asked; answers go to the
 * workspace open when it started, and it stops by itself when another workspace is opened or the
 * workspace is closed (the app's quit stops it too).
 */
export class CollectionController {
  private server: CollectionServer | null = null
  private openAtStart: OpenWorkspace | null = null
  private checkpointer: Checkpointer | null = null
  private answers = 0

  constructor(private readonly deps: CollectionDeps) {
    deps.events.subscribe((e) => {
      if (e.name === 'workspace.changed' && this.server && deps.workspace() !== this.openAtStart) void this.stop()
    })
  }

  status(): CollectionStatus {
    const s = this.server
    // Listening on every address: the address to give people is the machine's first on a network.
    const shown = s?.host === '0.0.0.0' ? (listAddresses()[0]?.address ?? '127.0.0.1') : s?.host
    const baseUrl = s ? `http://${shown}:${s.port}` : null
    return { running: s !== null, host: s?.host ?? null, port: s?.port ?? null, baseUrl, answers: this.answers }
  }

  /** `host` must be one of the machine's own addresses (or 0.0.0.0 from the command line: every interface). */
  async start(host: string, port: number, opts: { anyAddress?: boolean } = {}): Promise<CollectionStatus> {
    const open = this.deps.workspace()
    if (!open) throw new AppError('NO_WORKSPACE', 'Open a workspace before collecting answers.')
    const known = listAddresses().some((a) => a.address === host) || (opts.anyAddress === true && host === '0.0.0.0')
    if (!known) throw new AppError('VALIDATION', `${host} is not an address of this computer.`, { field: 'host' })
    if (!this.deps.rendererDir) throw new AppError('UNSUPPORTED', 'The survey page is not available in this process.')
    await this.stop()
    let page
    try {
      page = loadKioskPage(this.deps.rendererDir)
    } catch {
      throw new AppError('UNSUPPORTED', 'The survey page has not been built yet (npm run build).')
    }
    this.openAtStart = open
    this.answers = 0
    try {
      this.server = await startCollectionServer({
        host,
        port,
        page,
        workspace: () => (this.deps.workspace() === this.openAtStart ? this.openAtStart : null),
        now: this.deps.now,
        limits: this.deps.limits,
        batch: this.deps.batch,
        onAnswer: (event) => {
          this.answers++
          this.deps.events.emit('collection.answer', event)
        },
      })
    } catch (e) {
      this.openAtStart = null
      const code = (e as { code?: string }).code
      if (code === 'EADDRINUSE') throw new AppError('IO', `Port ${port} is already in use on ${host}; choose another or 0 for any free port.`, { field: 'port' })
      if (code === 'EACCES') throw new AppError('IO', `Port ${port} needs administrator rights; choose one above 1024 or 0.`, { field: 'port' })
      throw e
    }
    // The WAL's checkpoints move to a thread of their own while answers come in (checkpoint/).
    this.checkpointer = startCheckpointer(open.ws.sqlite, { path: open.ws.path, nativeBinding: this.deps.nativeBinding })
    this.deps.events.emit('collection.status', this.status())
    return this.status()
  }

  async stop(): Promise<CollectionStatus> {
    const s = this.server
    if (s) {
      this.server = null
      this.openAtStart = null
      await s.close()
      const checkpointer = this.checkpointer
      this.checkpointer = null
      await checkpointer?.stop()
      this.deps.events.emit('collection.status', this.status())
    }
    return this.status()
  }
}
