import type { CommentMode } from '../../src-shared/api/reports'
import { EMAIL_IN_TEXT, maskContactsIn, maskEmail, maskPhone, PHONE_IN_TEXT, phoneOr } from '../../src-shared/domain/personalData'

// The masking rules are shared with the app's "Hide personal data" switch (src-shared/domain/personalData.ts).
export { maskEmail, maskPhone }

const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/gi
const LONG_NUMBER = /\b\d{6,}\b/g

/** A customer's contact as a report prints it: the e-mail (else the phone), masked unless the report says otherwise. */
export function contactOf(email: string | null, phone: string | null, mask: boolean): string | null {
  if (email) return mask ? maskEmail(email) : email
  if (phone) return mask ? maskPhone(phone) : phone
  return null
}

/**
 * A comment as the report may show it, or null when comments are left out. E-mail addresses and
 * phone numbers written inside a comment are masked like the customer's own (or, redacting,
 * removed, together with web addresses and long numbers such as order or account numbers).
 */
export function commentForReport(text: string | null, mode: CommentMode, maskContacts: boolean): string | null {
  if (!text || mode === 'exclude') return null
  if (mode === 'redact') return text.replace(EMAIL_IN_TEXT, '[…]').replace(URL, '[…]').replace(PHONE_IN_TEXT, phoneOr(() => '[…]')).replace(LONG_NUMBER, '[…]')
  return maskContacts ? maskContactsIn(text) : text
}
