import type { Locale } from './locales'
import type { MetricKind } from './scores'

/** How a survey link is used: a QR code people scan with their phone, or a kiosk tablet on the counter. */
export const linkKinds = ['qr', 'kiosk'] as const
export type LinkKind = (typeof linkKinds)[number]

/** A survey's look and questions as the public page receives them: no personal data, no ids of the app. */
export interface KioskSurvey {
  kind: LinkKind
  metric: MetricKind
  min: number
  max: number
  shopName: string
  colour: string
  hasLogo: boolean
  askComment: boolean
  askContact: boolean
}

/** The body of POST /s/<link>/answers (schema: src-main/collection/answerSchema.ts). */
export interface AnswerBody {
  /** Made by the page (crypto.getRandomValues), so a retried answer is stored once. */
  id: string
  score: number
  language: Locale
  comment?: string
  contact?: { name?: string; email?: string; phone?: string }
  /** The respondent ticked "you may contact me"; contact details are kept only with it. */
  consent?: boolean
}

/** Limits of an answer's fields, shared by the page's inputs and the server's schema. */
export const ANSWER_LIMITS = { comment: 2_000, name: 120, email: 200, phone: 40, id: { min: 16, max: 64 } } as const
export const CLIENT_ID_PATTERN = '^[A-Za-z0-9_-]{16,64}$'

/** A colour the shop chooses: #rrggbb. */
export const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/
