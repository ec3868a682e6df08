import { writeFileSync } from 'node:fs'
import { generatorColumns } from '../../src-main/import/formats/generatorFormat'

export type GeneratorRow = Partial<Record<(typeof generatorColumns)[number], string | number>>

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

/** Writes a CSV in the generator's format from a few hand-written rows (unspecified columns get plausible values). */
export function writeGeneratorCsv(path: string, rows: GeneratorRow[], opts: { bom?: boolean; eol?: string } = {}): void {
  const eol = opts.eol ?? '\n'
  const lines = [generatorColumns.join(',')]
  rows.forEach((r, i) => {
    const full: GeneratorRow = {
      response_id: i + 1,
      customer_id: `C${String(i + 1).padStart(6, '0')}`,
      customer_email: `c${i + 1}@example.com`,
      submitted_at: '2025-03-10T03:00:00.000Z',
      channel: 'store',
      touchpoint: 'Store counter',
      stage: 'Purchase',
      metric: 'nps',
      score: 9,
      comment: '',
      language: 'en',
      status: 'new',
      resolved_at: '',
      location: 'Bangkok - Sukhumvit',
      ...r,
    }
    lines.push(generatorColumns.map((c) => quote(String(full[c] ?? ''))).join(','))
  })
  writeFileSync(path, (opts.bom ? '\uFEFF' : '') + lines.join(eol) + eol)
}
