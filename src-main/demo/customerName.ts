import { customerNameParts, type Lang } from './cafeContent'
import type { Random } from './random'

/** A plausible full name in the customer's language, written in that language's order. */
export function customerName(rnd: Random, lang: Lang): string {
  if (lang === 'vi') {
    const p = customerNameParts.vi
    return `${rnd.pick(p.family)} ${rnd.pick(p.middle)} ${rnd.pick(p.given)}`
  }
  const p = customerNameParts[lang]
  return `${rnd.pick(p.given)} ${rnd.pick(p.family)}`
}
