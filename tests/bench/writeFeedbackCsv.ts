import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { generatorColumns } from '../../src-main/import/formats/generatorFormat'
import { seededRandom } from '../../src-main/demo/random'
import { locations, themes, touchpoints } from '../../src-main/demo/cafeContent'

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

/**
 * Writes `rows` responses in the generator's CSV format, deterministically, with the project's own
 * content (the bench must not depend on anything outside the repository).
 */
export async function writeFeedbackCsv(path: string, rows: number, seed = 7): Promise<void> {
  const rnd = seededRandom(seed)
  const out = createWriteStream(path)
  out.write(generatorColumns.join(',') + '\n')
  const start = Date.UTC(2024, 0, 1)
  const span = 730 * 86_400_000
  let buf = ''
  for (let i = 1; i <= rows; i++) {
    const tp = rnd.pick(touchpoints)
    const loc = rnd.pick(locations)
    const r = rnd.next()
    const metric = r < 0.6 ? 'nps' : r < 0.85 ? 'csat' : 'ces'
    const max = metric === 'nps' ? 10 : metric === 'csat' ? 5 : 7
    const min = metric === 'nps' ? 0 : 1
    const u = Math.min(1, Math.max(0, 0.78 + tp.bias * 0.08 + rnd.normal() * 0.18))
    const score = min + Math.round(u * (max - min))
    const lang = loc.country === 'th' ? 'th' : loc.country === 'vn' ? 'vi' : 'en'
    const comment = rnd.next() < 0.55 ? rnd.pick(rnd.pick(themes).text[lang]) : ''
    const cid = 1 + Math.floor(rnd.next() * Math.max(50, rows / 8))
    const t = start + Math.floor(rnd.next() * span)
    const fields = [String(i), `C${String(cid).padStart(6, '0')}`, `customer${cid}@example.com`, new Date(t).toISOString(), tp.channel, tp.touchpoint, tp.stage, metric, String(score), comment, lang, 'new', '', loc.name]
    buf += fields.map(quote).join(',') + '\n'
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain')
      buf = ''
    }
  }
  out.end(buf)
  await once(out, 'finish')
}
