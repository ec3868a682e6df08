import { describe, expect, it } from 'vitest'
import { complaintPatternWeight } from '../../../src-main/text/complaintPatterns'
import { compileLexicons, scoreSentiment } from '../../../src-main/text/sentiment'
import { defaultLexicon } from '../../../src-main/text/defaultLexicon'
import { sentimentLabel } from '../../../src-shared/domain/sentiment'

/**
 * Complaints told as facts (src-main/text/complaintPatterns.ts), on sentences written for these
 * tests — none is taken from the labelled samples of tests/fixtures/sentiment/.
 */
const lexicons = compileLexicons(Object.entries(defaultLexicon).flatMap(([language, entries]) => entries.map((e) => ({ language, ...e }))))
const label = (text: string, language: string) => sentimentLabel(scoreSentiment(text, language, lexicons))
const weight = (text: string, language: string) => complaintPatternWeight(text.toLowerCase(), language)

describe('complaints told as facts', () => {
  it.each([
    ['en', 'We stood there and waited 35 minutes for a table'],
    ['en', 'Sat on hold for an hour with the bank'],
    ['en', 'The technician took almost two hours to show up'],
    ['vi', 'Gửi tin nhắn 2 ngày mới thấy shop trả lời'],
    ['vi', 'Ngồi đợi gần 50 phút chưa thấy món'],
    ['th', 'วนหาร้านอยู่ครึ่งชั่วโมง'],
    ['th', 'สั่งไปตั้ง 40 นาที ยังไม่ได้ของ'],
    ['th', 'กว่าจะได้กาแฟแก้วเดียว'],
  ])('a wait measured in time is a complaint: %s "%s"', (language, text) => {
    expect(weight(text, language)).toBeLessThan(0)
    expect(label(text, language)).toBe('negative')
  })

  it.each([
    ['en', 'The ferry ride took 20 minutes'],
    ['en', 'Open from 9am, about 10 minutes from the station'],
    ['vi', 'Giao trong 2 ngày'],
    ['vi', 'Hẹn 3 giờ chiều nhé'],
    ['th', 'นัดตรวจ 10 โมงเช้า'],
    ['th', 'ส่งของภายใน 2 วัน'],
    ['th', 'รอวันหยุดยาวค่อยมาใหม่'],
  ])('a length of time that is only a fact adds nothing: %s "%s"', (language, text) => {
    expect(weight(text, language)).toBe(0)
  })

  it.each([
    ['en', 'I emailed them four times about the invoice'],
    ['en', 'Had to remind the waiter about our drinks'],
    ['en', 'Rang the front desk twice for towels'],
    ['en', "Fourth time I've emailed about the warranty"],
    ['vi', 'Gọi tổng đài 4 lần'],
    ['vi', 'Phải nhắn lại cho shop mới được'],
    ['vi', 'Sửa điện thoại mấy lượt'],
    ['th', 'โทรตามสามครั้ง'],
    ['th', 'ต้องไปรับของเองที่ไปรษณีย์'],
    ['th', 'ทักไปหลายรอบ'],
  ])('asking again, or having to do it oneself, is a complaint: %s "%s"', (language, text) => {
    expect(weight(text, language)).toBeLessThan(0)
    expect(label(text, language)).toBe('negative')
  })

  it('does not read coming back, or ordering again, as asking again', () => {
    expect(label('We have been here three times and love it', 'en')).toBe('positive')
    expect(label('Nhất định phải quay lại', 'vi')).toBe('positive')
    expect(weight('สั่งครั้งที่สาม อร่อยเหมือนเดิม', 'th')).toBe(0)
  })

  it.each([
    ['en', 'Ordered a latte, got a cappuccino'],
    ['en', 'Booked two beds but were given one'],
    ['en', 'Asked for extra sauce and only got a tiny cup'],
    ['vi', 'Nói một đằng làm một nẻo'],
    ['vi', 'Báo giá một kiểu, lúc lấy hàng tính một kiểu'],
  ])('getting other than what was ordered, or promised, is a complaint: %s "%s"', (language, text) => {
    expect(weight(text, language)).toBeLessThan(0)
  })

  it('keeps an order, and two kinds of things, neutral', () => {
    expect(weight('Ordered online and picked up at 5', 'en')).toBe(0)
    expect(weight('Quán có một kiểu bánh, một kiểu nước', 'vi')).toBe(0)
    expect(label('Ordered the noodles and a coffee', 'en')).toBe('neutral')
  })

  it('reads silence after a Thai message as a complaint, and a quiet room as praise', () => {
    expect(label('ทักไปถามเรื่องพัสดุ แต่ร้านเงียบ', 'th')).toBe('negative')
    expect(label('โทรไปสองวันแล้วก็ยังเงียบ', 'th')).toBe('negative')
    expect(label('แจ้งปัญหาไปตั้งแต่เมื่อวาน เงียบเลย', 'th')).toBe('negative')
    expect(label('ห้องพักเงียบ สะอาด', 'th')).toBe('positive')
  })

  it.each([
    ['en', 'Service 3/10', 'negative'],
    ['en', 'Pho 9/10, would come again', 'positive'],
    ['th', 'ให้ 5 ดาวเลย', 'positive'],
    ['vi', 'Chấm 1 sao', 'negative'],
  ])('reads a rating given: %s "%s" is %s', (language, text, expected) => {
    expect(label(text, language)).toBe(expected)
  })

  it('does not read a date or a class of hotel as a rating', () => {
    expect(weight('See you on 5/5', 'en')).toBe(0)
    expect(weight('Đặt bàn ngày 10/10', 'vi')).toBe(0)
    expect(weight('Khách sạn 5 sao ở trung tâm', 'vi')).toBe(0)
  })
})
