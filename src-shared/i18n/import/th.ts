import type { importEn } from './en'
import { importEn as english } from './en'

// TEMPORARY: translated below before the branch is finished.
export const importTh: Record<keyof typeof importEn, string> = { ...english }
