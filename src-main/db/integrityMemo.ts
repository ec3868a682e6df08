import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { writeFileAtomic } from '../common/atomicWrite'

/**
 * Remembers which workspace files passed SQLite's quick_check, so that a file nobody has written to
 * since is not checked again: quick_check reads the whole file (about 2 s for a million responses),
 * and `cxdesk metrics` answers in a fraction of that.
 *
 * "Nobody has written to it" is the file system's word: the same device and inode, size, mtime and
 * ctime to the nanosecond. The ctime cannot be set back by any tool (touch sets only mtime and
 * atime), and every write through the operating system moves it. A file changed within RACY_MS
 * before its check is not remembered (timestamps are coarse: a write landing in the same tick as
 * the check would leave them equal), nor one that changed while it was checked, nor one with a
 * -wal or -journal file beside it (then what SQLite reads is not only this file). What the memo
 * cannot see — bits rotting on the disk under an unchanged file — quick_check does not reliably
 * see either (it checks structure, not content); SQLite still refuses malformed pages as it reads.
 */
export interface IntegrityMemo {
  /** The file's state now, or null when it cannot be remembered (side files, not a plain file). */
  stateOf(path: string): FileState | null
  /** True when a check of exactly this state passed before. */
  isVerified(path: string, state: FileState): boolean
  /** Records that the check begun at `state` passed, unless the file changed meanwhile or too recently. */
  remember(path: string, state: FileState, checkStartedAt: number): void
}

export interface FileState {
  dev: string
  ino: string
  size: string
  mtimeNs: string
  ctimeNs: string
}

interface MemoFile {
  format: typeof FORMAT
  files: Record<string, FileState & { checkedAt: number }>
}

const FORMAT = 1
/** Files changed less than this long before their check are checked again next time. */
export const RACY_MS = 2_000
const MAX_FILES = 64

const same = (a: FileState, b: FileState) => a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs

function currentState(path: string): FileState | null {
  try {
    if (existsSync(`${path}-wal`) || existsSync(`${path}-journal`)) return null
    const st = statSync(path, { bigint: true })
    if (!st.isFile()) return null
    return { dev: String(st.dev), ino: String(st.ino), size: String(st.size), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs) }
  } catch {
    return null
  }
}

/**
 * A memo kept in one small JSON file (the CLI keeps it in its data folder). Best effort: a memo that
 * cannot be read or written only means the check runs again.
 */
export function fileIntegrityMemo(memoPath: string, opts: { racyMs?: number } = {}): IntegrityMemo {
  const racyMs = opts.racyMs ?? RACY_MS
  const read = (): MemoFile => {
    try {
      const parsed = JSON.parse(readFileSync(memoPath, 'utf8')) as MemoFile
      if (parsed.format === FORMAT && parsed.files && typeof parsed.files === 'object') return parsed
    } catch {
      // Missing or unreadable: nothing is remembered.
    }
    return { format: FORMAT, files: {} }
  }
  return {
    stateOf: (path) => currentState(resolve(path)),
    isVerified(path, state) {
      const known = read().files[resolve(path)]
      return known !== undefined && same(known, state)
    },
    remember(path, state, checkStartedAt) {
      const now = currentState(resolve(path))
      if (!now || !same(now, state)) return
      const changedAt = Number((BigInt(state.ctimeNs) > BigInt(state.mtimeNs) ? BigInt(state.ctimeNs) : BigInt(state.mtimeNs)) / 1_000_000n)
      if (changedAt > checkStartedAt - racyMs) return
      const memo = read()
      memo.files[resolve(path)] = { ...state, checkedAt: checkStartedAt }
      const kept = Object.entries(memo.files)
        .sort((a, b) => b[1].checkedAt - a[1].checkedAt)
        .slice(0, MAX_FILES)
      try {
        mkdirSync(dirname(memoPath), { recursive: true })
        writeFileAtomic(memoPath, JSON.stringify({ format: FORMAT, files: Object.fromEntries(kept) }))
      } catch {
        // A read-only or missing data folder: the next run checks again.
      }
    },
  }
}
