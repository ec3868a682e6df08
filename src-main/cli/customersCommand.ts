import type { ApiClient } from '../../src-shared/api/contract'
import type { CustomerRow, RiskEvaluation, RiskReason } from '../../src-shared/api/customers'
import { translator } from '../../src-shared/i18n/translate'

export const CUSTOMERS_USAGE = `  cxdesk customers <workspace.cxdesk> [--at-risk] [--json]
         Lists every customer, or with --at-risk the active customers ranked by risk, each with the
         reasons in words, and how well the ranking did on customers held out of the fit.`

const en = translator('en')
const metricName = (m: string) => (m === 'nps' || m === 'csat' || m === 'ces' ? m.toUpperCase() : m)

/** A reason in English words, as the app says it (dates in the workspace's zone). */
export function reasonInWords(r: RiskReason, timezone: string): string {
  const day = (ms: number) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: timezone }).format(ms)
  switch (r.kind) {
    case 'lastPoor':
      return en('customers.reason.lastPoor', { metric: metricName(r.metric), score: r.score, date: day(r.at) })
    case 'lastNeutral':
      return en('customers.reason.lastNeutral', { metric: metricName(r.metric), score: r.score, date: day(r.at) })
    case 'falling':
      return en('customers.reason.falling', { metric: metricName(r.metric), from: r.from, to: r.to })
    case 'openFollowUp':
      return en.plural('customers.reason.openFollowUp', r.days)
    case 'silence':
      return en.plural('customers.reason.silence', r.days)
  }
}

const row = (c: CustomerRow) => ({
  id: c.id,
  ref: c.ref,
  name: c.name,
  email: c.email,
  phone: c.phone,
  segment: c.segment,
  location: c.location,
  customerSince: c.customerSince,
  churnedAt: c.churnedAt,
  responses: c.responses,
  lastResponseAt: c.lastAt === null ? null : new Date(c.lastAt).toISOString(),
  lastScore: c.lastScore,
  lastMetric: c.lastMetric,
  lastBand: c.lastBand,
  risk: c.risk,
})

type CliCustomer = ReturnType<typeof row>
type CustomersOutput =
  | { customers: CliCustomer[] }
  | { rankedBy: RiskEvaluation['rankedBy']; evaluation: RiskEvaluation; customers: Array<CliCustomer & { points: number; probability: number | null; reasons: string[] }> }

/** Every customer (keyset pages of 500), or those at risk with their reasons and the evaluation. */
export async function customersCommand(api: ApiClient, atRisk: boolean, timezone: string): Promise<CustomersOutput> {
  if (atRisk) {
    const r = await api.call('customers.atRisk', { limit: 5_000 })
    return {
      rankedBy: r.evaluation.rankedBy,
      evaluation: r.evaluation,
      customers: r.items.map((i) => ({ ...row(i.customer), points: i.points, probability: i.probability, reasons: i.reasons.map((x) => reasonInWords(x, timezone)) })),
    }
  }
  const customers: CliCustomer[] = []
  let cursor: { name: string; id: number } | undefined
  for (;;) {
    const page = await api.call('customers.list', { limit: 500, cursor })
    customers.push(...page.items.map(row))
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  return { customers }
}

export function formatCustomers(result: CustomersOutput): string[] {
  const lines: string[] = []
  if ('rankedBy' in result) {
    const e = result.evaluation
    const auc = (m: typeof e.rules) => (m ? `AUC ${m.auc.value.toFixed(2)} (95% CI ${m.auc.low.toFixed(2)}–${m.auc.high.toFixed(2)})${m.lift !== null ? `, top-decile lift ${m.lift.toFixed(1)}` : ''}` : 'not measurable')
    lines.push(`Ranked by the ${result.rankedBy}. Held out: ${e.testN} customers active on ${e.cutoff} (${e.testChurned} left within 90 days).`)
    lines.push(`  rules: ${auc(e.rules)}`)
    lines.push(`  model: ${e.model ? auc(e.model) : `none (needs 30 churned in the 90 days after ${e.cutoff}; there were ${e.churned})`}`)
    for (const c of result.customers) lines.push(`${c.risk.padEnd(6)} ${String(c.points).padStart(4)}  ${c.name ?? c.email ?? c.phone ?? c.ref ?? `#${c.id}`}: ${c.reasons.join('; ')}`)
    if (!result.customers.length) lines.push('No active customer shows a risk signal.')
    return lines
  }
  for (const c of result.customers)
    lines.push(`${c.ref ?? `#${c.id}`}  ${c.name ?? '—'}  ${c.email ?? ''}  ${c.segment ?? ''}  ${c.responses} responses  last ${c.lastBand}${c.risk !== 'none' ? `  ${c.risk} risk` : ''}`)
  lines.push(`${result.customers.length} customers`)
  return lines
}
