import { beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { analyzerFor } from '../../../src-main/feedback/feedbackWriter'
import { sentimentLabel } from '../../../src-shared/domain/sentiment'
import { freshWorkspace } from '../../helpers/db'

/**
 * Agreement of the app's sentiment with people, per language, on the labelled samples of
 * tests/fixtures/sentiment/ (written by someone other than the lexicon's author: see the README
 * there). Every *.jsonl file present is scored, so another sample (a held-out one) is measured by
 * putting it beside dev.jsonl, or by pointing SENTIMENT_SAMPLES at other files or folders
 * (comma-separated). Each comment is scored as the app scores a stored comment: by the analyzer
 * of a fresh workspace (its lexicon as the workspace stores it), in the sample's language.
 */
const REQUIRED = 0.85
/**
 * The held-out sample was scored once, after the lexicon work on dev.jsonl (2026-12-03): en 43/60,
 * vi 48/60, th 46/60 — under the issue's 85 % (before that work: 39, 42 and 43 of 60). The third
 * round (complaints told as facts, word families; 2026-12-03) studied its misses by kind, so it is no
 * longer unseen: en 59/60, vi 58/60, th 60/60 now, kept as floors so that no later change loses
 * ground here. heldout2.jsonl (written by a session that saw neither the scorer nor the other
 * samples) was scored once by the lead after that round: en 63/78 (80.8 %), vi 64/78 (82.1 %), th
 * 65/76 (85.5 %) — the scorer before the round had 57, 61 and 59 — so only Thai meets the issue's
 * 85 % on unseen text. Those first figures were its floors. The fourth round (2026-12-03) studied the
 * misses of all three samples by kind, so heldout2 is no longer unseen either: heldout 59, 59, 60 of
 * 60 and heldout2 77/78, 75/78, 75/76 now, kept as floors. The measure of that round is a fourth
 * sample (heldout3.jsonl), written apart and scored once by the lead after it: en 46/80 (57.5 %),
 * vi 59/80 (73.8 %), th 64/80 (80.0 %) — the round-3 scorer had 42, 56 and 61. Far under 85 %: the
 * gains on the samples a round studies (heldout2: +14, +11, +10) carry over to unseen text only in
 * part (+4, +3, +3). heldout3 is also harder by its brief (in each language ~14 of 80 lines were asked
 * for as tricky: a verdict hanging on one plain fact, praise words that are not praise, neutral
 * questions with emotional words); 31 of its 71 misses are complaints told as plain facts read as
 * neutral. Those first figures were its floors. The fifth round (2026-12-03: complaints told as plain
 * facts, plainFacts.ts) studied the KINDS of heldout3's misses (not its sentences), so heldout3 is no
 * longer unseen either: en 58/80, vi 71/80, th 74/80 now, kept as floors; the measure of that round is
 * a fifth sample (heldout4.jsonl), written apart and scored once by the lead after it (2026-12-03,
 * 22:30): en 73/80 (91.3 %), vi 74/80 (92.5 %), th 76/80 (95.0 %) — the issue's 85 % met in every
 * language on unseen text. Unlike heldout3 it was asked for as an ordinary inbox (the issue's own
 * words: "ordinary comments"), with at most ~3 traps per language. Those first figures are its floors.
 */
const FLOORS: Record<string, Record<string, number>> = {
  'heldout.jsonl': { en: 59 / 60, vi: 59 / 60, th: 60 / 60 },
  'heldout2.jsonl': { en: 77 / 78, vi: 75 / 78, th: 75 / 76 },
  'heldout3.jsonl': { en: 58 / 80, vi: 71 / 80, th: 74 / 80 },
  'heldout4.jsonl': { en: 73 / 80, vi: 74 / 80, th: 76 / 80 },
}
const fixtures = join(__dirname, '../../fixtures/sentiment')

const lineSchema = z.object({
  lang: z.enum(['en', 'vi', 'th']),
  text: z.string().min(1),
  label: z.enum(['positive', 'neutral', 'negative']),
  note: z.string().optional(),
})
type Line = z.infer<typeof lineSchema>

function sampleFiles(): string[] {
  const given = process.env.SENTIMENT_SAMPLES?.split(',').map((p) => resolve(p.trim())).filter(Boolean)
  const places = given?.length ? given : [fixtures]
  return places.flatMap((p) =>
    existsSync(p) && !p.endsWith('.jsonl')
      ? readdirSync(p)
          .filter((f) => f.endsWith('.jsonl'))
          .sort()
          .map((f) => join(p, f))
      : [p],
  )
}

function readSample(file: string): Line[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => ({ l: l.trim(), i }))
    .filter(({ l }) => l)
    .map(({ l, i }) => {
      const parsed = lineSchema.safeParse(JSON.parse(l))
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`)
      return parsed.data
    })
}

let analyze: ReturnType<typeof analyzerFor>
beforeAll(async () => {
  const { ws } = await freshWorkspace()
  analyze = analyzerFor(ws.sqlite)
})

/** Per language: how many lines, how many the app labels as the person did, and the ones it missed. */
function agreement(lines: Line[]) {
  const out = new Map<string, { n: number; right: number; missed: string[] }>()
  for (const line of lines) {
    const row = out.get(line.lang) ?? { n: 0, right: 0, missed: [] }
    out.set(line.lang, row)
    const score = analyze(line.text, line.lang).sentiment
    const label = sentimentLabel(score)
    row.n++
    if (label === line.label) row.right++
    else row.missed.push(`  ${line.label} read as ${label} (${score}): ${line.text}`)
  }
  return out
}

describe('sentiment agrees with people on the labelled samples', () => {
  const files = sampleFiles()

  it('has the development sample', () => {
    expect(files.some((f) => f.endsWith('dev.jsonl')) || Boolean(process.env.SENTIMENT_SAMPLES)).toBe(true)
  })

  describe.each(files)('%s', (file) => {
    const floors = FLOORS[file.split('/').pop() ?? '']
    it.each(['en', 'vi', 'th'])(floors ? 'agrees on no fewer of the %s comments than when first scored' : `agrees on ${REQUIRED * 100} % or more of the %s comments`, (language) => {
      const required = floors?.[language] ?? REQUIRED
      const rows = agreement(readSample(file).filter((l) => l.lang === language))
      const row = rows.get(language)
      expect(row, `no ${language} comments in ${file}`).toBeDefined()
      if (!row) return
      const share = row.right / row.n
      console.info(`${file.split('/').pop()} ${language}: ${row.right}/${row.n} = ${(share * 100).toFixed(1)} %`)
      expect(share, `${language}: ${row.right}/${row.n}; missed:\n${row.missed.join('\n')}`).toBeGreaterThanOrEqual(required - 1e-9)
    })
  })
})
