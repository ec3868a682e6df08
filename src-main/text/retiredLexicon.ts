import type { LexiconEntry } from './defaultLexicon'

/**
 * Terms of an earlier default lexicon (LEXICON_VERSION 2) that the default has since dropped or
 * re-weighed: a workspace that still has one exactly as shipped (same kind and weight) loses it
 * when it opens, and gets the current default term, if any, in its place (derivedData.seedLexicon).
 * Dropped because they misled on ordinary text ("คน", a person; "เพราะ", because; "หก", six; "ขึ้น",
 * up, as in "ดีขึ้น", better), re-weighed because they said more than a person reads ("được" and "ok"
 * alone are no praise; "thanks" after a request is politeness), or made contractions the
 * analyser never sees ("isn't" is read as "is not").
 * Generated once from the two versions of defaultLexicon.ts; not to be edited after release, only
 * added to. LEXICON_VERSION 5 (the fourth round of issue 15) re-weighed being charged, or money
 * deducted, from −2 to 0: a fact ("charged 350k for the repair", *trừ tiền*, *ตัดเงิน*); the
 * complaints are the phrases around it ("charged twice", *trừ nhầm*, *ตัดเงินซ้ำ*).
 */
export const retiredLexicon: Array<{ language: string } & LexiconEntry> = [
  { language: 'en', term: "thank", kind: 'word', weight: 2 },
  { language: 'en', term: "thanks", kind: 'word', weight: 2 },
  { language: 'en', term: "thankful", kind: 'word', weight: 2 },
  { language: 'en', term: "fine", kind: 'word', weight: 1 },
  { language: 'en', term: "ok", kind: 'word', weight: 1 },
  { language: 'en', term: "okay", kind: 'word', weight: 1 },
  { language: 'en', term: "cozy", kind: 'word', weight: 1 },
  { language: 'en', term: "isn't", kind: 'negator', weight: -0.8 },
  { language: 'en', term: "wasn't", kind: 'negator', weight: -0.8 },
  { language: 'en', term: "don't", kind: 'negator', weight: -0.8 },
  { language: 'en', term: "doesn't", kind: 'negator', weight: -0.8 },
  { language: 'en', term: "didn't", kind: 'negator', weight: -0.8 },
  { language: 'en', term: "won't", kind: 'negator', weight: -0.8 },
  { language: 'en', term: "can't", kind: 'negator', weight: -0.8 },
  { language: 'en', term: "couldn't", kind: 'negator', weight: -0.8 },
  { language: 'en', term: "superb", kind: 'word', weight: 2 },
  { language: 'en', term: "brilliant", kind: 'word', weight: 2 },
  { language: 'en', term: "recommendations", kind: 'word', weight: 2 },
  { language: 'vi', term: "cảm ơn", kind: 'word', weight: 2 },
  { language: 'vi', term: "được", kind: 'word', weight: 1 },
  { language: 'vi', term: "mất", kind: 'word', weight: -2 },
  { language: 'vi', term: "hơi", kind: 'intensifier', weight: 0.6 },
  { language: 'vi', term: "khá", kind: 'intensifier', weight: 0.6 },
  { language: 'vi', term: "một chút", kind: 'intensifier', weight: 0.6 },
  { language: 'vi', term: "quay lại", kind: 'word', weight: 1 },
  { language: 'vi', term: "ghé lại", kind: 'word', weight: 1 },
  { language: 'th', term: "ที่สุด", kind: 'word', weight: 3 },
  { language: 'th', term: "ขอบคุณ", kind: 'word', weight: 2 },
  { language: 'th', term: "โอเค", kind: 'word', weight: 1 },
  { language: 'th', term: "เพราะ", kind: 'word', weight: 1 },
  { language: 'th', term: "ถูก", kind: 'word', weight: 1 },
  { language: 'th', term: "คน", kind: 'word', weight: -1 },
  { language: 'th', term: "หก", kind: 'word', weight: -1 },
  { language: 'th', term: "ขึ้น", kind: 'word', weight: -1 },
  { language: 'th', term: "มาซ้ำ", kind: 'word', weight: 1 },
  { language: 'th', term: "มาอีก", kind: 'word', weight: 1 },
  { language: 'th', term: "ไม่ตรงปก", kind: 'word', weight: -1 },
  { language: 'en', term: "charged", kind: 'word', weight: -2 },
  { language: 'vi', term: "trừ tiền", kind: 'word', weight: -2 },
  { language: 'th', term: "ตัดเงิน", kind: 'word', weight: -2 },
]
