import type { CustomerFacts } from '../../customers/customersRepository'

/** One customer from a CRM export: every fact the linker knows, present (null when the file has none). */
export type NormalizedCustomer = { [K in keyof CustomerFacts]-?: CustomerFacts[K] | null }
