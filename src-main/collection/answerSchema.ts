import { ANSWER_LIMITS, CLIENT_ID_PATTERN } from '../../src-shared/domain/collection'
import { locales } from '../../src-shared/domain/locales'

/**
 * The JSON schema of POST /s/<link>/answers (the AnswerBody type), checked by Fastify before the
 * handler runs: no field beyond these, nothing coerced, every string bounded.
 */
export const answerBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'score', 'language'],
  properties: {
    id: { type: 'string', pattern: CLIENT_ID_PATTERN },
    score: { type: 'integer', minimum: 0, maximum: 10 },
    language: { type: 'string', enum: [...locales] },
    comment: { type: 'string', maxLength: ANSWER_LIMITS.comment },
    consent: { type: 'boolean' },
    contact: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string', maxLength: ANSWER_LIMITS.name },
        email: { type: 'string', maxLength: ANSWER_LIMITS.email },
        phone: { type: 'string', maxLength: ANSWER_LIMITS.phone },
      },
    },
  },
} as const

export const tokenParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['token'],
  properties: { token: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$' } },
} as const
