import type { Sqlite } from '../db/sqlite'
import { legacyKeyAdopter, responseKeyLookup } from './importWriteRepository'

/**
 * Recognises rows an older version stored under its key of the mapped cells only (rowKeys.ts). That
 * key merged answers differing only in an unmapped column: of k rows of a file sharing one old key,
 * it stored the first and dropped the rest. When the file comes again, the first of them (in file
 * order, as the old import kept it) is the stored row: it takes the new key and joins this import
 * (so it can be re-read in another zone; its key goes to `adopted`), and counts as already there. The k − 1 others are added
 * and counted in `mergedBefore`. The next import of the file finds every row by its new key.
 */
export function legacyMatcher(sqlite: Sqlite, opts: { importId: () => number | null; adopted: string[] }) {
  const exists = responseKeyLookup(sqlite)
  const adopt = legacyKeyAdopter(sqlite)
  /** Old keys this import found stored, and so took over. */
  const claimed = new Set<string>()
  return {
    /**
     * 'stored': the row is the one an older version stored (taken over; a duplicate). 'merged': a row
     * the old key had merged into one taken over earlier in this file (to add). 'none': neither.
     */
    match(newKey: string, oldKeys: string[], readInZone: boolean, seen: Set<string> | null): 'stored' | 'merged' | 'none' {
      if (seen?.has(newKey) || exists(newKey)) return 'none'
      for (const old of oldKeys) if (claimed.has(old)) return 'merged'
      for (const old of oldKeys) {
        if (!exists(old)) continue
        claimed.add(old)
        if (seen) seen.add(newKey)
        else {
          adopt(newKey, opts.importId(), readInZone, old)
          opts.adopted.push(newKey)
        }
        return 'stored'
      }
      return 'none'
    },
  }
}
