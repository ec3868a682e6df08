import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CsvParser } from '../../../src-main/import/csv/CsvParser'

function parseAll(text: string, chunks: number[] = [], delimiter = ',') {
  const p = new CsvParser(delimiter)
  const out = []
  let at = 0
  for (const size of chunks) {
    out.push(...p.push(text.slice(at, at + size)))
    at += size
  }
  out.push(...p.push(text.slice(at)), ...p.end())
  return { records: out.map((r) => r.fields), numbers: out.map((r) => r.record), unterminated: out.filter((r) => r.unterminated).map((r) => r.record) }
}

const serialize = (rows: string[][], eol: string, d = ',') =>
  rows.map((r) => r.map((f) => (f.includes('"') || f.includes(d) || f.includes('\n') || f.includes('\r') || f === '' ? `"${f.replaceAll('"', '""')}"` : f)).join(d)).join(eol) + eol

describe('CsvParser', () => {
  it('parses quoted fields with delimiters, doubled quotes and line breaks', () => {
    const { records } = parseAll('a,b,c\n1,"x, y","say ""hi"""\n2,"two\nlines",z\n')
    expect(records).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\nlines', 'z'],
    ])
  })

  it('accepts CRLF, CR and a missing final newline', () => {
    expect(parseAll('a,b\r\n1,2\r\n').records).toEqual([['a', 'b'], ['1', '2']])
    expect(parseAll('a,b\r1,2').records).toEqual([['a', 'b'], ['1', '2']])
  })

  it('numbers records like a spreadsheet even when a field spans lines, and skips blank lines', () => {
    const { numbers } = parseAll('h\n"a\nb"\n\nc\n')
    expect(numbers).toEqual([1, 2, 4])
  })

  it('keeps empty fields', () => {
    expect(parseAll('a,,c\n,,\n').records).toEqual([['a', '', 'c'], ['', '', '']])
  })

  it('marks the record whose quote never closes instead of swallowing the rest silently', () => {
    const { records, unterminated } = parseAll('a,b\n1,"never closed\n2,3\n')
    expect(unterminated).toEqual([2])
    expect(records[1]).toEqual(['1', 'never closed\n2,3\n'])
  })

  it('supports semicolon and tab delimiters', () => {
    expect(parseAll('a;b\n"1;2";3\n', [], ';').records).toEqual([['a', 'b'], ['1;2', '3']])
    expect(parseAll('a\tb\n1\t2\n', [], '\t').records).toEqual([['a', 'b'], ['1', '2']])
  })

  it('round-trips any table, however the text is split into chunks', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'ổ', 'ไ', ',', '"', '\n', '\r', ' ', 'x') , maxLength: 8 })
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 })
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 20 }), (rows, eol, chunks) => {
        const { records, unterminated } = parseAll(serialize(rows, eol), chunks)
        expect(unterminated).toEqual([])
        expect(records).toEqual(rows)
      }),
      { numRuns: 500 },
    )
  })

  it('never throws on arbitrary text, and marks at most its last record unterminated', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', 'ế'), maxLength: 60 }), (text) => {
        const { records, numbers, unterminated } = parseAll(text, [3, 5])
        expect(Array.isArray(records)).toBe(true)
        expect(unterminated.length).toBeLessThanOrEqual(1)
        if (unterminated.length) expect(unterminated[0]).toBe(numbers.at(-1))
      }),
      { numRuns: 1000 },
    )
  })
})
