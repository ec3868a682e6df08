import { describe, expect, it } from 'vitest'
import { matchExpression, searchableText, words } from '../../../src-main/text/tokens'
import { foldDiacritics } from '../../../src-main/text/fold'
import { compileTagRules } from '../../../src-main/text/tagRules'
import { suggestThemes } from '../../../src-main/text/themes'
import { detectLanguage } from '../../../src-main/text/language'

describe('words for search', () => {
  it('segments Thai with Intl.Segmenter and splits other scripts on non-letters', () => {
    expect(words('ส่งช้าไป 40 นาที น้ำแข็งละลายหมด')).toEqual(['ส่ง', 'ช้า', 'ไป', '40', 'นาที', 'น้ำ', 'แข็ง', 'ละลาย', 'หมด'])
    expect(words('Giao hàng TRỄ, đá tan hết!')).toEqual(['giao', 'hàng', 'trễ', 'đá', 'tan', 'hết'])
  })

  it('folds Vietnamese diacritics, đ included, but leaves Thai marks alone', () => {
    expect(foldDiacritics('Đặng Hoàng Long được')).toBe('Dang Hoang Long duoc')
    expect(foldDiacritics('น้ำแข็ง')).toBe('น้ำแข็ง')
  })

  it('indexes both forms and searches the last word as a prefix', () => {
    expect(searchableText('trễ hẹn')).toBe('trễ tre hẹn hen')
    expect(matchExpression('giao tre')).toBe('"giao" "tre"*')
    expect(matchExpression('giao tre ')).toBe('"giao" "tre"')
    expect(matchExpression('"; DROP')).toBe('"drop"*')
    expect(matchExpression('!!!')).toBeNull()
  })

  it('tells the three languages apart, also Vietnamese typed without diacritics', () => {
    expect(detectLanguage('กาแฟอร่อย')).toBe('th')
    expect(detectLanguage('Cà phê ngon')).toBe('vi')
    expect(detectLanguage('nhan vien rat de thuong')).toBe('vi')
    expect(detectLanguage('The coffee was great')).toBe('en')
  })
})

describe('keyword rules', () => {
  const match = compileTagRules([
    { tagId: 1, language: 'vi', keywords: ['giao trễ', 'bẩn'] },
    { tagId: 2, language: 'th', keywords: ['ส่งช้า'] },
    { tagId: 3, language: null, keywords: ['app'] },
  ])
  it('match phrases in each language, Thai inside unspaced text, and unaccented Vietnamese', () => {
    expect(match('Hôm nay giao trễ quá', 'vi')).toEqual([1])
    expect(match('hom nay giao tre qua', 'vi')).toEqual([1])
    expect(match('วันนี้ส่งช้ามาก', 'th')).toEqual([2])
    expect(match('App lỗi', 'vi')).toEqual([3])
  })
  it('never match a word that differs by its diacritics, nor another language', () => {
    expect(match('Bạn rất dễ thương', 'vi')).toEqual([])
    expect(match('giao trễ', 'th')).toEqual([])
  })
})

describe('theme suggestions', () => {
  it('count recurring phrases once per comment and keep one phrase per recurring sentence', () => {
    const comments = [
      ...Array.from({ length: 6 }, () => ({ comment: 'Không gian yên tĩnh, wifi mạnh', language: 'vi' })),
      ...Array.from({ length: 4 }, (_, i) => ({ comment: `Giao hàng trễ lần ${i} rồi, giao hàng trễ`, language: 'vi' })),
      { comment: 'Trễ hẹn', language: 'vi' },
      { comment: 'Đến trễ', language: 'vi' },
      { comment: 'Lần sau', language: 'vi' },
    ]
    const s = suggestThemes(comments, new Set(), 10)
    expect(s.map((x) => [x.phrase, x.count])).toEqual([
      ['không gian yên tĩnh', 6],
      ['trễ', 6],
      ['giao hàng trễ', 4],
    ])
    expect(s[0].example).toBe('Không gian yên tĩnh, wifi mạnh')
    // Phrases a rule already covers are not suggested again.
    const covered = new Set(['khong gian yen tinh', 'wifi manh', 'khong gian', 'yen tinh', 'wifi', 'manh'])
    expect(suggestThemes(comments, covered, 10).map((x) => x.phrase)).toEqual(['trễ', 'giao hàng trễ'])
  })

  it('proposes whole Vietnamese words, never syllables cut out of them, and no phrase across punctuation', () => {
    const comments = [
      ...Array.from({ length: 5 }, (_, i) => ({ comment: `Quản lý xử lý khiếu nại nhanh, lần ${i}`, language: 'vi' })),
      ...Array.from({ length: 5 }, (_, i) => ({ comment: `Không gian yên tĩnh. Wifi ${i}`, language: 'vi' })),
      ...Array.from({ length: 4 }, (_, i) => ({ comment: `Nhân viên nhiệt tình ${i}`, language: 'vi' })),
      ...Array.from({ length: 3 }, (_, i) => ({ comment: `Tình trạng bàn ghế cũ ${i}`, language: 'vi' })),
    ]
    const phrases = suggestThemes(comments, new Set(), 30).map((x) => x.phrase)
    expect(phrases).toEqual(expect.arrayContaining(['quản lý xử lý', 'không gian yên tĩnh', 'nhân viên nhiệt tình', 'tình trạng bàn ghế']))
    for (const fragment of ['quản', 'lý', 'lý xử', 'gian', 'gian yên', 'tĩnh nhân', 'tình', 'nhiệt', 'trạng', 'tình trạng bàn']) expect(phrases).not.toContain(fragment)
  })

  it('joins the pieces of a Thai word that the segmenter breaks, when they always come together', () => {
    // ICU's dictionary lacks "บาริสต้า" (barista) and "ไรเดอร์" (rider): it cuts them into pieces
    // (which pieces depends on what follows: contexts where they differ are rare enough to fall under the minimum count).
    expect(words('บาริสต้าแนะนำ ไรเดอร์')).toEqual(['บา', 'ริ', 'สต้า', 'แนะนำ', 'ไร', 'เด', 'อร์'])
    const comments = [
      ...['แนะนำเมนูดี', 'ชงช้า', 'ใจดี'].flatMap((rest) => Array.from({ length: 2 }, () => ({ comment: `บาริสต้า${rest}`, language: 'th' }))),
      ...['ส่งช้า', 'ส่งเร็ว', 'หลงทาง'].flatMap((rest) => Array.from({ length: 2 }, () => ({ comment: `ไรเดอร์${rest}`, language: 'th' }))),
    ]
    const phrases = suggestThemes(comments, new Set(), 30).map((x) => x.phrase)
    expect(phrases).toEqual(expect.arrayContaining(['บาริสต้า', 'ไรเดอร์']))
    for (const piece of ['บา', 'ริ', 'สต้า', 'ไร', 'เด', 'อร์', 'บาริ']) expect(phrases.some((p) => p.split(' ').includes(piece))).toBe(false)
  })
})

describe('a very long Thai comment', () => {
  it('is segmented in pieces cut at spaces: the same words as segmenting each sentence on its own', () => {
    const sentences = ['ส่งช้าไป 40 นาที', 'น้ำแข็งละลายหมด', 'กาแฟอร่อยมาก พนักงานน่ารัก', 'ราคาไม่แพง']
    const long = Array.from({ length: 600 }, (_, i) => sentences[i % sentences.length]).join(' ')
    expect(long.length).toBeGreaterThan(5_000)
    expect(words(long)).toEqual(Array.from({ length: 600 }, (_, i) => words(sentences[i % sentences.length])).flat())
  })

  it('of 200,000 characters, with or without spaces, is indexed and tagged at once (it took minutes: the segmenter is quadratic)', () => {
    const tag = compileTagRules([{ tagId: 1, language: null, keywords: ['อร่อย'] }])
    for (const text of ['อร่อยมาก'.repeat(25_000), 'อร่อยมาก '.repeat(22_000)]) {
      expect(searchableText(text).length).toBeGreaterThan(text.length / 2)
      expect(tag(text, 'th')).toEqual([1])
    }
  })
})
