import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { freshWorkspace } from '../../helpers/db'
import { EXPORTS, importFile, inspect, rows } from '../../helpers/importing'

let open: OpenWorkspace
beforeEach(async () => {
  open = await freshWorkspace('Asia/Ho_Chi_Minh')
})
afterEach(() => open.ws.close())

interface Stored {
  metric: string | null
  score: number | null
  scale_max: number | null
  comment: string | null
  submitted_at: number
  respondent_email: string | null
  external_ref: string | null
  location: string | null
}
const stored = () =>
  rows<Stored>(
    open,
    'SELECT q.metric, r.score, q.scale_max, r.comment, r.submitted_at, r.respondent_email, r.external_ref, r.location FROM responses r LEFT JOIN questions q ON q.id = r.question_id ORDER BY r.submitted_at, q.metric',
  )

describe('known exports are recognised without manual mapping', () => {
  it('Google Forms: Timestamp "yyyy/mm/dd h:mm:ss AM GMT+7", question columns, multi-line answers', async () => {
    const insp = await inspect(open, join(EXPORTS, 'google-forms.csv'))
    expect(insp).toMatchObject({ mappingSource: 'known', mapping: { format: 'google-forms' } })
    const s = await importFile(open, join(EXPORTS, 'google-forms.csv'))
    expect(s).toMatchObject({ imported: 3, rejected: 0 })
    const r = stored()
    expect(r[0]).toMatchObject({ metric: 'nps', score: 9, respondent_email: 'lan.nguyen@example.com', submitted_at: Date.UTC(2025, 2, 1, 3, 22, 33) })
    expect(r[1]).toMatchObject({ score: 3, comment: 'Chờ lâu quá, hỏi mãi\nkhông ai trả lời', submitted_at: Date.UTC(2025, 2, 1, 9, 5, 10), location: 'Hoàn Kiếm' })
  })

  it('SurveyMonkey: two header rows, month-first dates with AM/PM, satisfaction as words', async () => {
    const insp = await inspect(open, join(EXPORTS, 'surveymonkey.csv'))
    expect(insp.mapping).toMatchObject({ format: 'surveymonkey', headerRows: 2, dateOrder: 'mdy' })
    const s = await importFile(open, join(EXPORTS, 'surveymonkey.csv'))
    expect(s).toMatchObject({ rowsRead: 3, imported: 6, rejected: 0 })
    const r = stored()
    expect(r.filter((x) => x.metric === 'nps').map((x) => x.score)).toEqual([9, 4, 8])
    expect(r.filter((x) => x.metric === 'csat').map((x) => x.score)).toEqual([5, 2, 4])
    // 03/12/2025 09:31:15 PM in Asia/Ho_Chi_Minh (UTC+7).
    expect(r.find((x) => x.metric === 'nps' && x.score === 4)?.submitted_at).toBe(Date.UTC(2025, 2, 12, 14, 31, 15))
    expect(r.find((x) => x.score === 4 && x.metric === 'nps')?.comment).toBe('Order was wrong, "sorry" is not enough')
    expect(r.find((x) => x.metric === 'nps' && x.score === 9)?.external_ref).toBe('114445566778')
  })

  it('Typeform: "#" token and "Submit Date (UTC)"', async () => {
    const s = await importFile(open, join(EXPORTS, 'typeform.csv'))
    expect(s).toMatchObject({ imported: 2, rejected: 0 })
    expect(stored()[0]).toMatchObject({ metric: 'nps', score: 10, submitted_at: Date.UTC(2025, 2, 1, 3, 12, 30), external_ref: 'a1b2c3d4e5f6', comment: 'ร้านสะอาด กาแฟอร่อย' })
  })

  it('Delighted: Response ID, Score (NPS), Comment, Created At', async () => {
    const insp = await inspect(open, join(EXPORTS, 'delighted.csv'))
    expect(insp.mapping.format).toBe('delighted')
    const s = await importFile(open, join(EXPORTS, 'delighted.csv'))
    expect(s).toMatchObject({ imported: 2, rejected: 0 })
    expect(stored().map((r) => [r.score, r.comment, r.location])).toEqual([
      [9, 'Love the new menu', 'Quận 1'],
      [2, 'Delivery was late again', 'Online'],
    ])
  })

  it('Qualtrics: three header rows, the zone from the ImportId row, NPS from the _NPS_GROUP companion', async () => {
    const insp = await inspect(open, join(EXPORTS, 'qualtrics.csv'))
    expect(insp.mapping).toMatchObject({ format: 'qualtrics', headerRows: 3, timezone: 'Asia/Ho_Chi_Minh' })
    const s = await importFile(open, join(EXPORTS, 'qualtrics.csv'))
    expect(s).toMatchObject({ rowsRead: 2, imported: 4, rejected: 0 })
    const r = stored()
    expect(r.filter((x) => x.metric === 'nps').map((x) => x.score)).toEqual([9, 5])
    expect(r.filter((x) => x.metric === 'csat').map((x) => x.score)).toEqual([5, 2])
    expect(r[0].submitted_at).toBe(Date.UTC(2025, 2, 1, 3, 3, 1))
    expect(r.find((x) => x.score === 9)?.comment).toBe('Rất hài lòng với dịch vụ')
  })

  it('a CRM export of customers: ids, names, segments, since and churned dates (day first)', async () => {
    const insp = await inspect(open, join(EXPORTS, 'crm-customers.csv'), 'customers')
    const s = await importFile(open, join(EXPORTS, 'crm-customers.csv'), { ...insp.mapping, dateOrder: 'dmy' })
    expect(s).toMatchObject({ kind: 'customers', imported: 3, rejected: 0 })
    expect(rows(open, 'SELECT external_ref, name, segment, customer_since, churned_at FROM customers ORDER BY external_ref')).toEqual([
      { external_ref: 'CUS-0001', name: 'Nguyễn Thị Lan', segment: 'Loyalty member', customer_since: '2023-01-15', churned_at: null },
      { external_ref: 'CUS-0002', name: 'สมศรี วงศ์ใหญ่', segment: 'Walk-in', customer_since: '2024-06-20', churned_at: '2025-12-31' },
      { external_ref: 'CUS-0003', name: 'Trần Quốc Huy', segment: 'Office', customer_since: '2022-03-02', churned_at: null },
    ])
    const again = await importFile(open, join(EXPORTS, 'crm-customers.csv'), { ...insp.mapping, dateOrder: 'dmy' })
    expect(again).toMatchObject({ imported: 0, duplicates: 3 })
  })
})

describe('legacy encodings and spreadsheets', () => {
  it('detects Windows-1258 (Vietnamese Excel), semicolons, CRLF, d/m/yyyy, and stores NFC text', async () => {
    const insp = await inspect(open, join(EXPORTS, 'excel-vn-windows-1258.csv'))
    expect(insp).toMatchObject({ encoding: 'windows-1258', encodingCertain: false, delimiter: ';' })
    expect(insp.headers).toEqual(['Ngày', 'Điểm hài lòng (1-5)', 'Góp ý', 'Cửa hàng'])
    expect(insp.mapping.dateOrder).toBe('dmy')
    const s = await importFile(open, join(EXPORTS, 'excel-vn-windows-1258.csv'), insp.mapping)
    expect(s).toMatchObject({ imported: 3, rejected: 0 })
    const r = stored()
    expect(r.map((x) => x.comment)).toEqual(['Nhân viên rất nhiệt tình, cà phê ngon', 'Giao hàng trễ, đá tan hết', 'Không gian đẹp; hơi ồn'])
    expect(r[0].comment).toBe(r[0].comment?.normalize('NFC'))
    expect(r.map((x) => [x.metric, x.score])).toEqual([
      ['csat', 5],
      ['csat', 2],
      ['csat', 4],
    ])
    expect(r[1].submitted_at).toBe(Date.UTC(2025, 1, 15, 7, 40))
  })

  it('detects Windows-874 (Thai Excel) and reads Buddhist-era years', async () => {
    const insp = await inspect(open, join(EXPORTS, 'excel-th-windows-874.csv'))
    expect(insp).toMatchObject({ encoding: 'windows-874', delimiter: ',' })
    expect(insp.headers[2]).toBe('ความคิดเห็น')
    const s = await importFile(open, join(EXPORTS, 'excel-th-windows-874.csv'), insp.mapping)
    expect(s).toMatchObject({ imported: 3, rejected: 0 })
    const r = stored()
    expect(r[0]).toMatchObject({ comment: 'กาแฟอร่อย พนักงานน่ารัก', location: 'สุขุมวิท' })
    // 20/01/2568 is 20 January 2025.
    expect(new Date(r[1].submitted_at).toISOString().slice(0, 10)).toBe('2025-01-19')
    expect(rows<{ local_date: string }>(open, 'SELECT local_date FROM responses ORDER BY submitted_at').map((x) => x.local_date)).toEqual(['2025-01-05', '2025-01-20', '2025-01-31'])
  })

  it('reads an .xlsx workbook: shared and inline strings, date styles, gaps, the first sheet by default', async () => {
    const insp = await inspect(open, join(EXPORTS, 'survey.xlsx'))
    expect(insp).toMatchObject({ fileKind: 'xlsx', sheets: ['Khảo sát', 'Notes'], headers: ['Date', 'How likely are you to recommend us?', 'Comment', 'Branch'] })
    expect(insp.preview[0]).toEqual(['2025-03-01 10:30:00', '3', 'ส่งช้ามาก', 'Bangkok'])
    const s = await importFile(open, join(EXPORTS, 'survey.xlsx'), insp.mapping)
    expect(s).toMatchObject({ rowsRead: 3, imported: 3, rejected: 0 })
    expect(stored().map((r) => [r.score, r.comment, r.location])).toEqual([
      [3, 'ส่งช้ามาก', 'Bangkok'],
      [10, 'Rất ngon & sạch sẽ', 'Quận 1'],
      [7, null, 'Online'],
    ])
  })
})
