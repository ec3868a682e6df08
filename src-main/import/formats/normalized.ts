import type { CustomerFacts } from '../../customers/customersRepository'

/** One customer from a CRM export: every fact the linker knows, present (null when the file has none). */
/** Consent a CRM export states for a customer: per purpose given, withdrawn or not known (null), and the date it says (null: the import's day). */
export interface CrmConsent {
  feedback: 'given' | 'withdrawn' | null
  marketing: 'given' | 'withdrawn' | null
  date: string | null
}

export type NormalizedCustomer = { [K in keyof CustomerFacts]-?: CustomerFacts[K] | null } & {
  /** Null when the file maps no consent column or the row's consent cells are all blank. */
  consent?: CrmConsent | null
}
