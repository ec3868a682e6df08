/**
 * This process's own worker threads that write the open workspace through connections of their
 * own (an import, a rollup fold or rebuild). SQLite's data_version cannot tell their commits from
 * another process's, so the watcher of external writes (workspace/externalWrites.ts) asks here:
 * while one runs, and at the first look after one ended, a moved data_version is this process's
 * own work, which announces itself (the import's and the rollups' own events), not `workspace.written`.
 */
let running = 0
let generation = 0

/** Counts a writer thread as running; call the returned function once it has exited (a second call does nothing). */
export function ownWriterStarted(): () => void {
  running++
  generation++
  let ended = false
  return () => {
    if (ended) return
    ended = true
    running--
    generation++
  }
}

/** How many run now, and a number that moves whenever one starts or ends. */
export function ownWriters(): { running: number; generation: number } {
  return { running, generation }
}
