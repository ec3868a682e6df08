import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { suggestThemes, type ThemeCandidate } from '../../../src-main/text/themes'
import { thaiDictionary } from '../../../src-main/text/thaiWords'
import { words } from '../../../src-main/text/tokens'
import { testAppInMemory, type TestApp } from '../../helpers/context'

// Comments written for these tests, the way customers of a shop write them (short, repeated
// complaints and praise in their own words), not taken from the sentiment lexicon or the demo.
const many = (n: number, comment: string, language: string) => Array.from({ length: n }, () => ({ comment, language }))
const phrasesOf = (s: ThemeCandidate[]) => s.map((x) => x.phrase)
const codePoints = (s: string) => [...s].length

describe('suggested themes in Thai', () => {
  const thai = [
    ...many(30, 'กาแฟเย็นอร่อยที่สุดในซอยนี้', 'th'),
    ...many(12, 'ชานมไข่มุกหวานเกินไป', 'th'),
    ...many(9, 'ผู้จัดการไม่สนใจลูกค้าเลย', 'th'),
    ...many(3, 'ผู้จัดการพูดจาดี', 'th'),
    ...many(7, 'ความสะอาดของร้านดีมาก', 'th'),
    ...many(3, 'ความสะอาดห้องน้ำแย่', 'th'),
    ...many(6, 'ช่างซ่อมมาช้ามาก', 'th'),
    ...many(5, 'ขนมปังปิ้งกรอบ อร่อย', 'th'),
    ...many(4, 'ที่จอดรถไม่พอ วนหาอยู่นาน', 'th'),
    { comment: 'กาแฟร้อนก็ดี', language: 'th' },
    { comment: 'อยากให้มีที่จอดรถมากกว่านี้', language: 'th' },
  ]

  it('never glues whole words of one repeated sentence into a run-on word', () => {
    // ICU splits "กาแฟ|เย็น|อร่อย|ที่สุด|ใน|ซอย|นี้"; the sentence recurs 30 times, but that is one
    // clause's evidence, not thirty: its words stay words. "กาแฟเย็น" (iced coffee) is one word of
    // the Thai word list, so its two pieces are that word; nothing else of the sentence joins.
    const s = suggestThemes(thai, new Set(), 30)
    const parts = phrasesOf(s).flatMap((p) => p.split(' '))
    for (const runOn of ['กาแฟเย็นอร่อย', 'อร่อยที่สุด', 'เย็นอร่อย', 'ชานม', 'นมไข่มุก', 'ไข่มุกหวาน', 'สนใจลูกค้า', 'ขนมปังปิ้ง', 'ปิ้งกรอบ']) expect(parts).not.toContain(runOn)
    expect(phrasesOf(s)).toEqual(expect.arrayContaining(['กาแฟเย็น อร่อย']))
    for (const piece of ['กาแฟ', 'เย็น']) expect(parts).not.toContain(piece)
  })

  it('joins the pieces of 3+ letters ICU cuts out of a word of the Thai word list, and never shows them apart', () => {
    // ICU's cuts (Node's and Chromium's dictionary): "ช่วง|เร่ง|ด่วน|รอ|นาน|มาก" — "เร่งด่วน" (urgent;
    // "ช่วงเร่งด่วน" is the rush hour) comes out as two real words of four letters each, so no rule
    // about short pieces could tell; "เครื่อง|ปรับ|อากาศ|ไม่|เย็น" — the air conditioner in three
    // words of 4–7 letters; "ราคา|สม|เหตุ|สม|ผล" — "สมเหตุสมผล" (reasonable) in four.
    const comments = [
      ...many(4, 'ช่วงเร่งด่วนรอนานมาก', 'th'),
      ...many(3, 'สั่งช่วงเร่งด่วนได้ช้า', 'th'),
      ...many(3, 'ช่วงเร่งด่วนคิวยาว', 'th'),
      ...many(4, 'เครื่องปรับอากาศไม่เย็น', 'th'),
      ...many(3, 'เครื่องปรับอากาศเสียงดัง', 'th'),
      ...many(3, 'ราคาสมเหตุสมผล', 'th'),
      { comment: 'ร้านเปิดเช้า', language: 'th' },
    ]
    expect(words('ช่วงเร่งด่วนรอนานมาก').slice(0, 3)).toEqual(['ช่วง', 'เร่ง', 'ด่วน'])
    expect(words('เครื่องปรับอากาศไม่เย็น').slice(0, 3)).toEqual(['เครื่อง', 'ปรับ', 'อากาศ'])
    const s = phrasesOf(suggestThemes(comments, new Set(), 40))
    const parts = s.flatMap((p) => p.split(' '))
    expect(parts).toEqual(expect.arrayContaining(['เร่งด่วน', 'เครื่องปรับอากาศ', 'สมเหตุสมผล']))
    for (const piece of ['เร่ง', 'ด่วน', 'ช่วงเร่ง', 'เครื่อง', 'ปรับ', 'อากาศ', 'ปรับอากาศ', 'เหตุ', 'สมเหตุ']) expect(parts, piece).not.toContain(piece)
    expect(s).toContain('ช่วง เร่งด่วน')
  })

  it('joins no function word into a dictionary word: "ดี|มาก", "ไม่|ดี" and "เกิน|ไป" stay apart and are no theme', () => {
    // The word list holds such phrases ("ดีมาก", "ไม่ดี", "เกินไป"); a theme is what the comment is about.
    const comments = [...many(5, 'บรรยากาศดีมาก', 'th'), ...many(5, 'บริการไม่ดี', 'th'), ...many(5, 'เสียงเพลงดังเกินไป', 'th')]
    const s = phrasesOf(suggestThemes(comments, new Set(), 40))
    const parts = s.flatMap((p) => p.split(' '))
    for (const bad of ['ดีมาก', 'ไม่ดี', 'เกินไป']) expect(parts, bad).not.toContain(bad)
    // "เสียง|เพลง" (music) is a word of the list without a function word: joined.
    expect(parts).toEqual(expect.arrayContaining(['บรรยากาศ', 'บริการ', 'เสียงเพลง']))
  })

  it('keeps ผู้ ความ การ นัก ช่าง on the word they begin, and never suggests a piece of one or two letters alone', () => {
    const s = phrasesOf(suggestThemes(thai, new Set(), 40))
    expect(s).toEqual(expect.arrayContaining(['ผู้จัดการ', 'ความสะอาด', 'ช่างซ่อม']))
    for (const p of s) {
      expect(p.split(' ')).not.toContain('จัดการ')
      expect(p.split(' ')).not.toContain('ผู้')
      expect(p.split(' ')).not.toContain('ความ')
      if (!p.includes(' ')) expect(codePoints(p), p).toBeGreaterThan(2)
    }
    // "ชา", "นม", "ไป", "ดี" and "รถ" are ICU pieces of two letters: never a suggestion on their own.
    for (const short of ['ชา', 'นม', 'ไป', 'ดี', 'รถ', 'มา']) expect(s).not.toContain(short)
  })

  it('still joins the pieces of a word the segmenter breaks when several different clauses agree', () => {
    // "ไรเดอร์" (rider) is cut into ไร|เด|อร์ by ICU; it is one word in four different sentences.
    const comments = ['ไรเดอร์มาถึงช้า', 'ไรเดอร์ส่งผิดที่', 'ไรเดอร์สุภาพมาก', 'โทรหาไรเดอร์ไม่ติด'].flatMap((c) => many(3, c, 'th'))
    const s = phrasesOf(suggestThemes(comments, new Set(), 20))
    expect(s).toContain('ไรเดอร์')
    for (const piece of ['ไร', 'เด', 'อร์', 'ไรเด']) expect(s.some((p) => p.split(' ').includes(piece))).toBe(false)
  })
})

describe('suggested themes in Thai: words ICU cuts across, compounds of short words, time words', () => {
  // Comments about a tea shop, in different clauses (one sentence repeated counts once).
  const tea = [
    'ชานมไข่มุกอร่อยมาก', 'ชานมหวานเกินไป', 'สั่งชานมแต่ได้กาแฟ', 'ชานมเย็นชืด', 'ร้านนี้ชานมดีที่สุด', 'ชานมแก้วใหญ่คุ้ม',
    'ชานมราคาแพง', 'วันนี้ชานมหมดเร็ว', 'พนักงานบริการดี', 'วันนี้คิวยาวมาก', 'วันนี้ที่จอดรถเต็ม', 'ขนมปังปิ้งอร่อย',
  ].flatMap((c) => many(2, c, 'th'))

  it('cuts again where ICU cut across two words into a piece that is no word ("ชาน|มดี" is ชา|นม|ดี)', () => {
    expect(words('ชานมดีที่สุด').slice(0, 2)).toEqual(['ชาน', 'มดี'])
    const s = suggestThemes(tea, new Set(), 40)
    const parts = phrasesOf(s).flatMap((p) => p.split(' '))
    for (const wrong of ['ชาน', 'มดี', 'ชานมดี']) expect(parts, wrong).not.toContain(wrong)
  })

  it('suggests a compound of short words that recurs in different clauses ("ชานม", milk tea), written as one word', () => {
    const s = suggestThemes(tea, new Set(), 40)
    expect(s.find((x) => x.phrase === 'ชานม')?.count).toBe(8 * 2)
    expect(phrasesOf(s)).not.toContain('ชา นม')
    for (const short of ['ชา', 'นม']) expect(phrasesOf(s)).not.toContain(short)
  })

  it('reads "วัน|นี้" (today) as one function word: "วัน" is no theme', () => {
    const s = phrasesOf(suggestThemes(tea, new Set(), 40))
    expect(s.flatMap((p) => p.split(' '))).not.toContain('วัน')
    expect(s).not.toContain('วันนี้')
  })
})

describe('suggested themes in English', () => {
  it('keeps a two-word phrase only where its words recur together more than chance (G² ≥ 3.84)', () => {
    // "coffee" and "staff" are both frequent; "coffee staff" is a chance meeting across a missing comma.
    // "oat milk" always comes together.
    const comments = [
      ...many(8, 'Oat milk ran out again', 'en'),
      ...many(6, 'They had no oat milk today', 'en'),
      ...many(10, 'Great coffee and friendly staff', 'en'),
      ...many(10, 'Staff seemed rushed this morning', 'en'),
      ...many(10, 'Coffee tasted burnt', 'en'),
      ...many(6, 'Strong coffee', 'en'),
      ...many(4, 'Loved the coffee staff were kind', 'en'),
      ...many(6, 'Staff forgot my order', 'en'),
      ...many(6, 'Cold coffee served late', 'en'),
    ]
    const s = phrasesOf(suggestThemes(comments, new Set(), 40))
    expect(s).toContain('oat milk')
    expect(s).not.toContain('coffee staff')
    expect(s).toEqual(expect.arrayContaining(['coffee', 'staff']))
  })

  it('never begins or ends a phrase with a function or narration word', () => {
    const comments = [
      ...many(9, 'The barista gave me the wrong drink', 'en'),
      ...many(7, 'I got a refund eventually', 'en'),
      ...many(6, 'Prices went up again', 'en'),
      ...many(5, 'Really long queue at lunch', 'en'),
      ...many(5, 'The app said my card was declined', 'en'),
      ...many(4, 'Very friendly cashier', 'en'),
    ]
    const s = phrasesOf(suggestThemes(comments, new Set(), 40))
    const edges = new Set(['the', 'a', 'was', 'i', 'me', 'my', 'very', 'really', 'got', 'gave', 'went', 'said', 'up', 'again', 'at'])
    for (const p of s) {
      const ws = p.split(' ')
      expect(edges.has(ws[0]), p).toBe(false)
      expect(edges.has(ws[ws.length - 1]), p).toBe(false)
    }
    expect(s).toEqual(expect.arrayContaining(['wrong drink', 'long queue', 'friendly cashier']))
  })
})

describe('suggested themes in Vietnamese', () => {
  const vietnamese = [
    ...many(9, 'Không áp dụng được mã giảm giá trên app', 'vi'),
    ...many(8, 'Giờ cao điểm chỉ có hai nhân viên pha chế', 'vi'),
    ...many(7, 'Bạn thu ngân nhớ cả tên của tôi', 'vi'),
    ...many(6, 'Nhạc nhẹ nhàng, ghế ngồi thoải mái', 'vi'),
    ...many(5, 'Quán mở nhạc nhẹ nhàng dễ chịu', 'vi'),
    ...many(5, 'Trà sữa rất ngọt và nhiều đá', 'vi'),
    ...many(4, 'Đặt trên app thì được giảm giá', 'vi'),
  ]

  it('never begins or ends a phrase with a function syllable (của, và, là, thì, không alone, được, rất, cho, với, những, trên, chỉ có …)', () => {
    const s = phrasesOf(suggestThemes(vietnamese, new Set(), 40))
    const fn = new Set(['của', 'và', 'là', 'thì', 'không', 'được', 'rất', 'cho', 'với', 'những', 'trên', 'cả', 'chỉ', 'có', 'nhiều', 'hai'])
    for (const p of s) {
      const syl = p.split(' ')
      expect(fn.has(syl[0]), p).toBe(false)
      expect(fn.has(syl[syl.length - 1]), p).toBe(false)
    }
    expect(s).toEqual(expect.arrayContaining(['mã giảm giá', 'trà sữa']))
  })

  it('proposes whole words, never a syllable cut off a word ("nhạc nhẹ | nhàng" → "nhạc", "nhẹ nhàng")', () => {
    const s = phrasesOf(suggestThemes(vietnamese, new Set(), 40))
    for (const fragment of ['nhàng', 'nhạc nhẹ', 'áp', 'dụng', 'giảm', 'điểm', 'ngân', 'mái']) {
      expect(s, fragment).not.toContain(fragment)
    }
    for (const p of s) {
      expect(p.startsWith('nhàng'), p).toBe(false)
      expect(p.endsWith('nhạc nhẹ'), p).toBe(false)
    }
    expect(s.some((p) => p.includes('nhẹ nhàng'))).toBe(true)
  })
})

describe('suggested themes on the demo café', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await testAppInMemory({ timezone: 'Asia/Ho_Chi_Minh', seed: 'cafeDemo' })
  })
  afterAll(() => app.cleanup())
  // What the Themes page shows, filtered to one language (the demo's keyword rules cover some words).
  const byLanguage = async (language: string) => phrasesOf(await app.api.call('tags.suggest', { filter: { language: [language] }, limit: 25 }))

  it('are whole words and phrases in each language, without run-ons, pieces or function words at the edges', async () => {
    const th = await byLanguage('th')
    const vi = await byLanguage('vi')
    const en = await byLanguage('en')
    // Each Thai word of a suggestion is a segmented word, a word of the Thai word list, or pieces joined across a piece of one or two letters.
    for (const p of th) {
      for (const w of p.split(' ')) {
        const pieces = words(w)
        expect(codePoints(w), p).toBeGreaterThan(2)
        if (pieces.length > 1 && !/^(ผู้|ความ|การ|นัก|ช่าง|น่า)/.test(w) && !thaiDictionary().has(w)) expect(pieces.some((x) => codePoints(x) <= 2), `${p}: ${pieces.join('|')}`).toBe(true)
      }
    }
    expect(th).toEqual(expect.arrayContaining(['ผู้จัดการ ร้าน']))
    for (const bad of ['กาแฟเย็น อร่อยที่สุด', 'ขนมอบใหม่', 'ชาไทยรสชาติ กลมกล่อม', 'พนักงานคอล เซ็นเตอร์โอน', 'ใส่โค้ด ส่วนลดใน', 'แอป เด้งออกตอนกด']) expect(th).not.toContain(bad)
    for (const bad of ['khuyến mãi trên', 'trên app', 'giờ cao điểm chỉ có', 'nhớ cả món quen', 'nhàng', 'nhạc nhẹ']) expect(vi).not.toContain(bad)
    expect(vi).toEqual(expect.arrayContaining(['không gian yên tĩnh', 'cà phê muối']))
    for (const bad of ['barista gave', 'prices went', 'app said', 'best salted', 'hotline three', 'manager sorted']) expect(en).not.toContain(bad)
    expect(en).toEqual(expect.arrayContaining(['strong wifi', 'salted coffee']))
  })
})
