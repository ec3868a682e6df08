import { AppError } from '../../../src-shared/api/result'

/**
 * How far a file may stretch the reader before it is refused. Every one of these stops a file from
 * making the reader grow an array, a string or a table without end (a 1.5 KB workbook naming cell
 * ZZZZZZ2 once made V8 abort the whole process). The spreadsheet ones are Excel's own limits, so no
 * workbook Excel can write is refused; the text ones are far above any survey export.
 */
export const LIMITS = {
  /** Excel's last column is XFD. */
  columns: 16_384,
  /** Excel's last row. */
  rows: 1_048_576,
  /** Excel keeps at most 32,767 characters in a cell. */
  xlsxCellChars: 32_767,
  /** A CSV field may be longer (the importer itself rejects comments over 20,000 characters by row). */
  csvFieldChars: 1_048_576,
  /** All the fields of one row together. */
  rowChars: 4_194_304,
  /** Characters inside one XML text node, attribute list or tag without a `<` or `>` (escapes make a cell's text up to six times longer). */
  xmlRunChars: 1_048_576,
  /** Elements nested inside each other; a worksheet needs six. */
  xmlDepth: 64,
  /** Files in a workbook's zip (a workbook has tens, with pictures hundreds). */
  zipEntries: 10_000,
  /** Inflated bytes of one worksheet, counted as they come out of the decompressor. */
  sheetBytes: 2 * 1024 ** 3,
  /** Inflated bytes of the shared strings part. */
  sharedStringsBytes: 512 * 1024 ** 2,
  /** Inflated bytes of any other part read (workbook, relationships, styles). */
  otherPartBytes: 64 * 1024 ** 2,
  /** Inflated bytes of every part read for one pass over the workbook. */
  totalBytes: 3 * 1024 ** 3,
  /** Inflated ÷ compressed bytes, once a part has inflated past `ratioFloorBytes`. Real sheets stay far below it (see docs/import-xlsx.md). */
  ratio: 200,
  ratioFloorBytes: 16 * 1024 ** 2,
  /** Distinct shared strings, and their text kept as UTF-8. */
  sharedStrings: 4_194_304,
  sharedStringBytes: 128 * 1024 ** 2,
} as const

export type Limits = { -readonly [K in keyof typeof LIMITS]: number }

/** Excel's name of a column: 0 → A, 16383 → XFD. */
export function columnName(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

const fmt = (n: number) => n.toLocaleString('en-US')

/**
 * Why a file is refused, sent as the error's `details.problem` with its `params`: the import page
 * shows the catalogue's `importProblem.<problem>` in the user's language (the message stays English,
 * for the CLI and the logs).
 */
export const importProblems = [
  'notTable',
  'empty',
  'noRows',
  'tooManyColumns',
  'tooManyRows',
  'cellTooLong',
  'quoteNeverEnds',
  'rowTooLong',
  'workbookTooLarge',
  'workbookDamaged',
  'readerFailed',
] as const
export type ImportProblem = (typeof importProblems)[number]

/** A file the importer will not read, said in plain words. */
export function refuse(problem: ImportProblem, message: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('IMPORT_FAILED', message, { problem, params })
}

export const SAVE_AS_CSV = 'Open it in Excel or LibreOffice and save it as CSV (or a new .xlsx), then import that.'

/** `column` is the column the file names (a spreadsheet's letters) or, for a text file, the first field past the limit. */
export const tooManyColumns = (row: number, column: string) =>
  refuse(
    'tooManyColumns',
    `Row ${fmt(row)} has a cell in column ${column}, past the last column a spreadsheet can have (XFD, ${fmt(LIMITS.columns)} columns). The file is damaged or not a table. ${SAVE_AS_CSV}`,
    { row, limit: LIMITS.columns },
  )

export const tooManyFields = (row: number) =>
  refuse('tooManyColumns', `Row ${fmt(row)} has more than ${fmt(LIMITS.columns)} fields, more columns than a spreadsheet can have. The file is damaged, not a table, or split with the wrong separator.`, {
    row,
    limit: LIMITS.columns,
  })

export const tooManyRows = (row: number) =>
  refuse('tooManyRows', `The sheet has a row numbered ${fmt(row)}, past the last row a spreadsheet can have (${fmt(LIMITS.rows)}). The file is damaged. ${SAVE_AS_CSV}`, { row, limit: LIMITS.rows })

/** `column` is a spreadsheet's letter (C) or a text file's field number (3). */
export const cellTooLong = (row: number, column: string, limit: number, unterminatedQuote = false) =>
  refuse(
    unterminatedQuote ? 'quoteNeverEnds' : 'cellTooLong',
    unterminatedQuote
      ? `Row ${fmt(row)}, column ${column}: a quoted field runs on for more than ${fmt(limit)} characters, so its closing " is probably missing. Fix the quote in the file and import it again.`
      : `${/^[A-Z]+$/.test(column) ? `Cell ${column}${row}` : `Row ${fmt(row)}, column ${column}`} holds more than ${fmt(limit)} characters. The file is damaged or not a table of survey answers.`,
    { row, column, limit },
  )

export const rowTooLong = (row: number) =>
  refuse('rowTooLong', `Row ${fmt(row)} holds more than ${fmt(LIMITS.rowChars)} characters. The file is damaged or not a table of survey answers.`, { row, limit: LIMITS.rowChars })

export const workbookTooLarge = (part: string) =>
  refuse(
    'workbookTooLarge',
    `The workbook unpacks to more data than CX Desk reads (${part}): it may be damaged or built to exhaust memory. ${SAVE_AS_CSV}`,
    { part },
  )

export const workbookDamaged = (why: string) => refuse('workbookDamaged', `The workbook is damaged (${why}). ${SAVE_AS_CSV}`, { why })
