import type { inboxEn } from './en'
import { inboxEn as english } from './en'

// TEMPORARY: translated below before the branch is finished.
export const inboxTh: Record<keyof typeof inboxEn, string> = { ...english }
