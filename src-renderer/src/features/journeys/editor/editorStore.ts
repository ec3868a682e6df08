import type { Command } from '../../../../../src-shared/domain/journeys/commands'
import { diffDocs, isEmptyPatch } from '../../../../../src-shared/domain/journeys/diff'
import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import { applyCommands, type CommandError } from '../../../../../src-shared/domain/journeys/reducer'
import { MAX_COMMANDS_PER_SAVE } from '../../../../../src-shared/api/journeys'

export type SaveStatus =
  | { state: 'saved' }
  | { state: 'saving' }
  /** The workspace could not be reached; the edits are kept and sent again. */
  | { state: 'retrying'; error: unknown }
  /** The workspace refused an edit (the map changed elsewhere): the editor must reload it. */
  | { state: 'rejected'; error: unknown }

export interface SaveResult {
  revision: number
  rebased: boolean
}
export interface EditorSnapshot {
  doc: JourneyDoc
  status: SaveStatus
  unsaved: number
  canUndo: boolean
  canRedo: boolean
  stale: boolean
}

export type Saver = (commands: Command[], baseRevision: number) => Promise<SaveResult>

interface HistoryEntry {
  before: JourneyDoc
  after: JourneyDoc
  /** Edits with the same key in quick succession (typing, dragging a curve point) undo as one. */
  key?: string
  at: number
}

const COALESCE_MS = 1_500
const MAX_HISTORY = 300
const RETRY_MS = 2_000

const isRefusal = (e: unknown) => {
  const code = (e as { code?: string })?.code
  return code === 'NOT_FOUND' || code === 'VALIDATION'
}

/**
 * The editor's state outside React: the document, undo/redo history and the save queue. Every
 * edit is applied here at once (the UI never waits), then sent to the workspace in order; edits
 * made while a save is running go out together in the next one. Undo and redo are edits too:
 * the patch back to (or forward to) a state in the history.
 */
export class JourneyEditorStore {
  private past: HistoryEntry[] = []
  private future: HistoryEntry[] = []
  private queue: Command[] = []
  private inFlight = false
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private listeners = new Set<() => void>()
  status: SaveStatus = { state: 'saved' }
  /** Set when the workspace said the map had changed elsewhere; the editor offers to reload. */
  stale = false

  constructor(
    public doc: JourneyDoc,
    private revision: number,
    private readonly save: Saver,
    private readonly now: () => number = Date.now,
  ) {
    this.snapshot = this.takeSnapshot()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  private emit(): void {
    this.snapshot = this.takeSnapshot()
    for (const l of this.listeners) l()
  }

  /** What the UI renders from; a new object after every change, so React sees each one. */
  snapshot!: EditorSnapshot
  private takeSnapshot(): EditorSnapshot {
    return { doc: this.doc, status: this.status, unsaved: this.unsaved, canUndo: this.canUndo, canRedo: this.canRedo, stale: this.stale }
  }

  get canUndo(): boolean {
    return this.past.length > 0
  }
  get canRedo(): boolean {
    return this.future.length > 0
  }
  /** Commands made but not yet stored in the workspace (the queue keeps the ones in flight until they are stored). */
  get unsaved(): number {
    return this.queue.length
  }

  /** Applies commands as one undoable edit. Returns why they could not apply, or null. */
  dispatch(commands: Command | Command[], opts: { coalesceKey?: string } = {}): CommandError | null {
    const list = Array.isArray(commands) ? commands : [commands]
    const result = applyCommands(this.doc, list)
    if (!result.ok) return result.error
    if (result.doc === this.doc || isEmptyPatch(diffDocs(this.doc, result.doc))) return null
    const top = this.past[this.past.length - 1]
    const t = this.now()
    if (opts.coalesceKey && top && top.key === opts.coalesceKey && t - top.at < COALESCE_MS) {
      top.after = result.doc
      top.at = t
    } else {
      this.past.push({ before: this.doc, after: result.doc, key: opts.coalesceKey, at: t })
      if (this.past.length > MAX_HISTORY) this.past.shift()
    }
    this.future = []
    this.doc = result.doc
    this.enqueue(list)
    return null
  }

  undo(): void {
    const entry = this.past.pop()
    if (!entry) return
    this.future.push(entry)
    this.jumpTo(entry.before)
  }

  redo(): void {
    const entry = this.future.pop()
    if (!entry) return
    this.past.push({ ...entry, key: undefined })
    this.jumpTo(entry.after)
  }

  private jumpTo(target: JourneyDoc): void {
    const patch = diffDocs(this.doc, target)
    if (isEmptyPatch(patch)) {
      this.emit()
      return
    }
    const cmd: Command = { type: 'patch', patch }
    const result = applyCommands(this.doc, [cmd])
    if (!result.ok) {
      // Cannot happen for a state this editor produced; keep the document rather than break it.
      this.emit()
      return
    }
    this.doc = result.doc
    this.enqueue([cmd])
  }

  private enqueue(commands: Command[]): void {
    this.queue.push(...commands)
    this.emit()
    void this.flush()
  }

  /** Sends what is queued, one save at a time, until nothing is left. */
  async flush(): Promise<void> {
    if (this.inFlight || this.queue.length === 0 || this.status.state === 'rejected') return
    if (this.retryTimer) {
      clearTimeout(this.retryTimer)
      this.retryTimer = null
    }
    const batch = this.queue.slice(0, MAX_COMMANDS_PER_SAVE)
    this.inFlight = true
    this.status = { state: 'saving' }
    this.emit()
    try {
      const res = await this.save(batch, this.revision)
      this.queue.splice(0, batch.length)
      this.revision = res.revision
      if (res.rebased) this.stale = true
      this.status = { state: 'saved' }
    } catch (e) {
      if (isRefusal(e)) this.status = { state: 'rejected', error: e }
      else {
        this.status = { state: 'retrying', error: e }
        this.retryTimer = setTimeout(() => void this.flush(), RETRY_MS)
      }
    } finally {
      this.inFlight = false
      this.emit()
    }
    if (this.status.state === 'saved' && this.queue.length) await this.flush()
  }

  /** Resolves once everything queued has been stored (or a save failed). */
  async settled(): Promise<void> {
    while ((this.inFlight || this.queue.length) && this.status.state !== 'rejected' && this.status.state !== 'retrying') {
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  dispose(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.listeners.clear()
  }
}
