import type { ChildProcess } from 'node:child_process'
import type { ChildBundle } from './bundle'
import type { FileAnswer, FileChildMessage, FileOrder } from './protocol'

export type Delivery = { answer: FileAnswer } | { died: string } | { hung: true }

/**
 * The app process of the file half (fileImportChild.ts), seen from the test: sends a file, waits
 * for the answer, and tells a death or a stall from an answer.
 */
export class FileChild {
  private pending: { id: number; settle: (d: Delivery) => void } | null = null
  private stderr = ''
  private exited = false

  private constructor(private readonly child: ChildProcess) {
    child.stderr?.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString('utf8')).slice(-4000)))
    child.on('message', (m: FileChildMessage) => {
      if (m.type === 'answer' && this.pending?.id === m.id) this.pending.settle({ answer: m })
    })
    child.on('exit', (code, signal) => {
      this.exited = true
      this.pending?.settle({ died: `the app process ended (${signal ?? `exit code ${code}`}): ${this.stderr.trim().split('\n').slice(-3).join(' | ')}` })
    })
  }

  /** Starts the app over `workspace` (created if missing) and resolves with its path once it is open. */
  static start(bundle: ChildBundle, home: string, workspace: string, startupMs = 120_000): Promise<{ child: FileChild; workspace: string }> {
    const proc = bundle.start('fileImportChild', [home, workspace])
    const child = new FileChild(proc)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL')
        reject(new Error(`the app process did not open the workspace within ${startupMs} ms`))
      }, startupMs)
      proc.on('message', (m: FileChildMessage) => {
        if (m.type !== 'ready') return
        clearTimeout(timer)
        resolve({ child, workspace: m.workspace })
      })
      proc.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`the app process ended while opening the workspace (exit code ${code}): ${child.stderr.slice(-500)}`))
      })
    })
  }

  get alive(): boolean {
    return !this.exited
  }

  /** Sends one file; a process that neither answers nor ends within `withinMs` is killed and reported as hung. */
  send(order: FileOrder, withinMs: number): Promise<Delivery> {
    if (this.exited) return Promise.resolve({ died: 'the app process had already ended' })
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = null
        this.child.kill('SIGKILL')
        resolve({ hung: true })
      }, withinMs)
      this.pending = {
        id: order.id,
        settle: (d) => {
          clearTimeout(timer)
          this.pending = null
          resolve(d)
        },
      }
      this.child.send(order)
    })
  }

  /** Lets the app close its workspace and end (closing the IPC channel is its signal). */
  async stop(): Promise<void> {
    if (this.exited) return
    const ended = new Promise<void>((r) => this.child.once('exit', () => r()))
    this.child.disconnect()
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000)
    await ended
    clearTimeout(timer)
  }
}
