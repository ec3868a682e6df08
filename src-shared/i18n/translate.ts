import type { Locale } from '../domain/locales'
import { en, type MessageKey, type Messages } from './en'
import { vi } from './vi'
import { th } from './th'

export const catalogues: Record<Locale, Messages> = { en, vi, th }

export type Params = Record<string, string | number>
export type Translate = (key: MessageKey, params?: Params) => string

/** Keys that have _one/_other forms, addressed without the suffix. */
type PluralBase<K> = K extends `${infer B}_other` ? B : never
export type PluralKey = PluralBase<MessageKey>

function fill(template: string, params?: Params): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
}

export function translator(locale: Locale): Translate & { plural(key: PluralKey, count: number, params?: Params): string } {
  const messages = catalogues[locale]
  const rules = new Intl.PluralRules(locale)
  const numbers = new Intl.NumberFormat(locale)
  const t = ((key: MessageKey, params?: Params) => fill(messages[key] ?? en[key] ?? key, params)) as Translate & {
    plural(key: PluralKey, count: number, params?: Params): string
  }
  t.plural = (key, count, params) => {
    const form = rules.select(count) === 'one' ? 'one' : 'other'
    const full = `${key}_${form}` as MessageKey
    return fill(messages[full] ?? messages[`${key}_other` as MessageKey], { count: numbers.format(count), ...params })
  }
  return t
}
