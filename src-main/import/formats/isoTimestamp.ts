const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/

/** Parses an ISO-8601 timestamp that states its offset. Returns UTC epoch ms and the offset in minutes, or null. */
export function parseIsoTimestamp(text: string): { epochMs: number; offsetMinutes: number } | null {
  const m = ISO.exec(text.trim())
  if (!m) return null
  const [, y, mo, d, h, mi, s = '0', frac = '0', zone] = m
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null
  const local = Date.UTC(Number(y), month - 1, day, hour, minute, second, Number(frac.slice(0, 3).padEnd(3, '0')))
  // Reject dates that do not exist (31 April): Date.UTC would silently roll them over.
  if (new Date(local).getUTCDate() !== day) return null
  let offsetMinutes = 0
  if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)))
  }
  return { epochMs: local - offsetMinutes * 60_000, offsetMinutes }
}
