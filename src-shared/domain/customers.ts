/**
 * How a customer is named to people, the same in the inbox list and the detail pane: their name, else
 * the e-mail or the phone they gave, else the source's id for them. Null: no customer.
 */
export function customerLabel(c: { name?: string | null; email?: string | null; phone?: string | null; ref?: string | null } | null): string | null {
  if (!c) return null
  return c.name ?? c.email ?? c.phone ?? c.ref ?? null
}
