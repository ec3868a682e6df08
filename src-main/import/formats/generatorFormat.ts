
/** The CSV written by CX Desk's feedback generator (tools/gen-feedback.mjs and tests/bench/writeFeedbackCsv.ts). */
export const generatorColumns = [
  'response_id',
  'customer_id',
  'customer_email',
  'submitted_at',
  'channel',
  'touchpoint',
  'stage',
  'metric',
  'score',
  'comment',
  'language',
  'status',
  'resolved_at',
  'location',
] as const
