/**
 * A customer's lifecycle date (customer since, left on) as every other date in the app: the
 * calendar date in the app's language (Buddhist era in Thai). These are stored as calendar dates;
 * a value that is not one is shown as it came, never hidden.
 */
export function lifecycleDate(value: string, day: (localDate: string) => string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value)
  return m ? day(m[1]) : value
}
