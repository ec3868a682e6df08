import type { LexiconEntryDto } from '../../src-shared/api/tags'
import { readLexicon, replaceLexicon } from './textIndexRepository'
import { rescoreSentiment } from './derivedData'
import type { OpenWorkspace } from '../db/openWorkspace'
import { inTransaction } from '../db/transaction'

export function lexiconOf(open: OpenWorkspace, language: string): LexiconEntryDto[] {
  return readLexicon(open.ws.sqlite)
    .filter((e) => e.language === language)
    .map(({ term, kind, weight }) => ({ term, kind, weight }))
}

/** Replaces one language's lexicon and re-scores every comment, in one transaction. */
export function saveLexicon(open: OpenWorkspace, language: string, entries: LexiconEntryDto[]): { rescored: number } {
  const sqlite = open.ws.sqlite
  return inTransaction(sqlite, () => {
    replaceLexicon(
      sqlite,
      entries.map((e) => ({ language, term: e.term.trim().toLowerCase(), kind: e.kind, weight: e.weight })),
      [language],
    )
    return { rescored: rescoreSentiment(sqlite, 'all') }
  })
}
