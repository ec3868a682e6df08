import type { Generated } from 'kysely'
import type { MetricKind } from '../../src-shared/domain/scores'
import type { ResponseColumns } from '../../src-shared/domain/response'

/** Kysely table types. Timestamps are UTC epoch milliseconds; local_date is the calendar date in the workspace's zone. */
export interface MetaTable {
  key: string
  value: string
}

export interface CustomersTable {
  id: Generated<number>
  external_ref: string | null
  name: string | null
  email: string | null
  phone: string | null
  segment: string | null
  location: string | null
  customer_since: string | null
  churned_at: string | null
  created_at: number
  updated_at: number
}

export interface QuestionsTable {
  id: Generated<number>
  key: string
  metric: MetricKind
  label: string
  scale_min: number
  scale_max: number
  direction: 'higher_better' | 'lower_better'
  good_threshold: number
  poor_threshold: number
}

export interface ImportsTable {
  id: Generated<number>
  file_name: string
  format: string
  started_at: number
  finished_at: number | null
  status: 'running' | 'done' | 'failed'
  rows_read: number
  rows_imported: number
  rows_duplicate: number
  rows_rejected: number
  /** The zone zone-less times were read in; null: imported before it was recorded. */
  timezone: string | null
  /** The mapping used (JSON of ImportMapping); null: imported before it was recorded. */
  mapping: string | null
}

/**
 * The responses table: the columns of the one response definition (src-shared/domain/response.ts),
 * and what is computed when a row is stored.
 */
export interface ResponsesTable extends Omit<ResponseColumns, 'read_in_zone'> {
  id: Generated<number>
  created_at: number
  updated_at: number
  /** 1 good, 0 neutral, −1 poor (needs follow-up); null without a score. */
  band: -1 | 0 | 1 | null
  /** 1: time read in its import's zone; 0: the file stated its offset; null: not known. */
  read_in_zone: 0 | 1 | null
}

/** A follow-up's due date and snooze (migration 2026-12-04-follow-up-due). */
export interface FollowUpDueTable {
  response_id: number
  /** Null: the rule sets no due date for this kind of follow-up. */
  due_at: number | null
  /** 1 until the due date has been worked out with the current rule. */
  pending: Generated<0 | 1>
  snoozed_until: number | null
  snoozed_by: string | null
}

export interface TagsTable {
  id: Generated<number>
  name: string
  color: string | null
  created_at: number
}

export interface ResponseTagsTable {
  response_id: number
  tag_id: number
  source: 'manual' | 'rule'
  created_at: number
}

export interface SurveySendsTable {
  id: Generated<number>
  local_date: string
  question_id: number | null
  channel: string | null
  touchpoint: string | null
  sent: number
  created_at: number
  /** Last day the count covers (inclusive); local_date is the first. */
  until_date: string | null
}

export interface NotesTable {
  id: Generated<number>
  response_id: number
  author: string | null
  body: string
  created_at: number
}

export interface ResponseEventsTable {
  id: Generated<number>
  response_id: number
  kind: 'status' | 'owner' | 'tag' | 'untag' | 'note'
  value: string | null
  actor: string | null
  at: number
}

export interface TagRulesTable {
  id: Generated<number>
  tag_id: number
  language: string | null
  /** One keyword or phrase per line. */
  keywords: string
  created_at: number
  updated_at: number
}

export interface SavedViewsTable {
  id: Generated<number>
  name: string
  /** The filter as URL search parameters. */
  query: string
  created_at: number
  updated_at: number
}

export interface ImportMappingsTable {
  source_key: string
  label: string
  /** JSON of the ImportMapping contract type. */
  mapping: string
  updated_at: number
}

export interface SentimentLexiconTable {
  language: string
  term: string
  kind: 'word' | 'negator' | 'intensifier'
  weight: number
}

/** Journey maps (2026-11-23-journeys). Child rows are keyed by (map_id, id); position orders siblings. */
export interface JourneyMapsTable {
  id: string
  name: string
  scenario: string
  kind: 'as_is' | 'to_be'
  base_id: string | null
  score_metric: MetricKind
  revision: number
  created_at: number
  updated_at: number
  /** The library persona the map is for (2026-12-02-persona-library). */
  persona_id: string | null
}

/** The workspace's persona library (2026-12-02-persona-library); a deleted one is kept until the next deletion, for Undo. */
export interface PersonasTable {
  id: string
  name: string
  avatar: string
  photo: string | null
  goals: string
  frustrations: string
  quote: string
  demographics: string
  created_at: number
  updated_at: number
  deleted_at: number | null
}

export interface JourneyStagesTable {
  map_id: string
  id: string
  position: number
  name: string
  color: string
}

export interface JourneyStepsTable {
  map_id: string
  id: string
  stage_id: string
  position: number
  name: string
}

export interface JourneyLanesTable {
  map_id: string
  id: string
  position: number
  type: string
  name: string
}

export interface JourneyCardsTable {
  map_id: string
  id: string
  lane_id: string
  step_id: string
  position: number
  text: string
  color: string
  icon: string
  channel: string | null
  link_touchpoint: string | null
  link_channel: string | null
  /** JSON array of evidence links. */
  evidence: string
  image: string | null
}

export interface JourneyEmotionsTable {
  map_id: string
  lane_id: string
  step_id: string
  value: number
}

export interface JourneyCommentsTable {
  map_id: string
  id: string
  card_id: string
  author: string
  body: string
  created_at: number
}

/** Signed counts written by the rollup triggers; folded into the summaries by the metrics engine. */
export interface RollupJournalTable {
  id: Generated<number>
  /** 0 a scored answer, 1 feedback that needed a follow-up, 2 a customer joining, 3 a customer leaving. */
  fact: number
  /** 0 for feedback without a question and for customers. */
  question_id: number
  local_date: string | null
  score: number | null
  band: -1 | 0 | 1 | null
  status: string | null
  submitted_at: number | null
  resolved_at: number | null
  /** A lifecycle date as written (a date or a timestamp); cut in the workspace's zone when folded. */
  stamp: string | null
  /** 0: the response itself; otherwise one of its tags. */
  tag_id: number
  channel: string | null
  touchpoint: string | null
  stage: string | null
  location: string | null
  language: string | null
  segment: string | null
  /** The response's owner (migration 2026-11-29-rollup-owner). */
  owner: string | null
  delta: number
  /** A leaving's (fact 3) customer_since as written: churn counts only the customers there at a period's start (migration 2026-11-28-churn-cohort). */
  joined_stamp: string | null
}

export interface RollupValuesTable {
  id: Generated<number>
  value: string
}

/** rollup_day and rollup_month: counts per value with every dimension, as value ids (0 = none). */
export interface RollupCubeTable {
  fact: number
  question_id: number
  /** Days since 1970-01-01 of the period's first day. */
  period: number
  tag_id: number
  channel: number
  touchpoint: number
  stage: number
  location: number
  language: number
  segment: number
  /** Who follows the response up (migration 2026-11-29-rollup-owner). */
  owner: number
  /** The score; for follow-ups the whole hours to resolution (−1 still open, −2 closed without action); 0 for customers, except a leaving's join day (day number) in the day cube. */
  value: number
  /** 1, 0, −1, or 2 for none. */
  band: number
  n: number
}

export interface RollupSlicesTable {
  /** 1 week, 2 month. */
  grain: number
  /** 0 none, then the sliced dimension (see metrics/rollups/layout.ts). */
  dim: number
  fact: number
  question_id: number
  period: number
  grp: number
  value: number
  band: number
  n: number
}

/** rollup_slices packed per (grain, dim, fact, question, period): cells holds each (grp, value, band, n) as four big-endian int32 (see layout.ts packedCellsSql). */
export interface RollupSlicePacksTable {
  grain: number
  dim: number
  fact: number
  question_id: number
  period: number
  cells: Buffer
}

/** Saved report options (2026-11-24-report-templates). */
export interface ReportTemplatesTable {
  id: Generated<number>
  name: string
  /** JSON of the ReportOptions contract type. */
  options: string
  created_at: number
  updated_at: number
}

/** Notes about a customer (2026-12-03-customer-profiles). */
export interface CustomerNotesTable {
  id: Generated<number>
  customer_id: number
  author: string | null
  body: string
  created_at: number
}

/** A merge of two customers with what undoing it needs (JSON of the rows as they were and of the ids that moved). */
export interface CustomerMergesTable {
  id: Generated<number>
  kept_id: number
  merged_id: number
  merged_row: string
  kept_row: string
  moved_responses: string
  moved_notes: string
  actor: string | null
  created_at: number
  undone_at: number | null
}

/** Win-back actions taken for customers at risk. */
export interface CustomerActionsTable {
  id: Generated<number>
  customer_id: number
  kind: 'winback'
  body: string
  actor: string | null
  created_at: number
}

/** A survey list's confirmed send (2026-12-05-contact-log-consent). */
export interface ContactSendsTable {
  id: Generated<number>
  channel: string
  /** The list's filter as JSON (channel, segment, location). */
  filter: string
  recorded: number
  actor: string | null
  created_at: number
  undone_at: number | null
}

/**
 * A survey list written to a file, by its export's token, until its send is recorded
 * (2026-12-11-survey-list-exports): the customers as 32-bit little-endian ids in the file's order,
 * NULL once the send is recorded (send_id).
 */
export interface SurveyListExportsTable {
  token: string
  channel: string
  /** The list's filter as JSON (channel, segment, location). */
  filter: string
  file_name: string
  rows: number
  customer_ids: Buffer | null
  created_at: number
  send_id: number | null
}

/** The contact log: a survey sent, a call, a message or a follow-up (2026-12-05-contact-log-consent). */
export interface CustomerContactsTable {
  id: Generated<number>
  customer_id: number
  kind: 'survey' | 'call' | 'message' | 'followup'
  purpose: 'feedback' | 'marketing'
  channel: string | null
  contacted_at: number
  note: string | null
  source: 'manual' | 'survey_list' | 'send_list'
  send_id: number | null
  /** The send list imported from a file that made this entry (2026-12-06-contact-imports). */
  import_id: number | null
  actor: string | null
  created_at: number
  deleted_at: number | null
}

/** A send list imported from a file: its contacts are taken back together (2026-12-06-contact-imports). */
export interface ContactImportsTable {
  id: Generated<number>
  file_name: string
  rows_read: number
  recorded: number
  already: number
  rejected: number
  actor: string | null
  created_at: number
  undone_at: number | null
}

/** Consent per customer and purpose (2026-12-05-contact-log-consent). */
/** One row per customer whose facts or responses changed, `seq` raised on each change (migration 2026-12-07-customer-changes). */
export interface CustomerChangesTable {
  customer_id: number
  seq: number
}

export interface CustomerConsentsTable {
  customer_id: number
  purpose: 'feedback' | 'marketing'
  state: 'given' | 'withdrawn'
  at: number
  source: 'manual' | 'crm' | 'kiosk'
  given_at: number | null
  withdrawn_at: number | null
  updated_at: number
}

/** A survey collected in the shop (2026-12-02-collection-surveys). */
export interface SurveysTable {
  id: Generated<number>
  name: string
  metric: 'nps' | 'csat' | 'ces'
  ask_comment: 0 | 1
  ask_contact: 0 | 1
  shop_name: string
  colour: string
  logo_type: string | null
  logo: Buffer | null
  location: string | null
  touchpoint: string | null
  created_at: number
  updated_at: number
}

export interface SurveyLinksTable {
  id: Generated<number>
  survey_id: number
  token: string
  kind: 'qr' | 'kiosk'
  location: string | null
  created_at: number
  revoked_at: number | null
}

/** An answer collected through a link, beside its response: language, contact and consent. */
export interface SurveyAnswersTable {
  response_id: number
  survey_id: number
  link_id: number
  client_id: string
  language: string
  contact_name: string | null
  contact_email: string | null
  contact_phone: string | null
  consent: 0 | 1
  consent_at: number | null
  received_at: number
}

/** A change made to a customer's details by hand (2026-12-04-customer-rectifications): the rectification log. */
export interface CustomerRectificationsTable {
  id: Generated<number>
  customer_id: number
  /** The contract's name of the field: name, email, phone, ref, segment, location, customerSince, churnedAt. */
  field: string
  old_value: string | null
  new_value: string | null
  reason: string | null
  actor: string | null
  changed_at: number
}

/** Tombstones of erased people (2026-12-04-privacy): an HMAC of a row or person key, never the data. */
export interface PrivacyTombstonesTable {
  hash: Buffer
  created_at: number
}

/** The audit log of actions on personal data (2026-12-04-privacy); detail is JSON of counts, never identifiers. */
export interface PrivacyAuditTable {
  id: Generated<number>
  at: number
  actor: string | null
  action: string
  reason: string | null
  detail: string
}

export interface DB {
  meta: MetaTable
  customers: CustomersTable
  questions: QuestionsTable
  imports: ImportsTable
  responses: ResponsesTable
  follow_up_due: FollowUpDueTable
  notes: NotesTable
  tags: TagsTable
  response_tags: ResponseTagsTable
  survey_sends: SurveySendsTable
  response_events: ResponseEventsTable
  tag_rules: TagRulesTable
  saved_views: SavedViewsTable
  import_mappings: ImportMappingsTable
  sentiment_lexicon: SentimentLexiconTable
  journey_maps: JourneyMapsTable
  personas: PersonasTable
  journey_stages: JourneyStagesTable
  journey_steps: JourneyStepsTable
  journey_lanes: JourneyLanesTable
  journey_cards: JourneyCardsTable
  journey_emotions: JourneyEmotionsTable
  journey_comments: JourneyCommentsTable
  rollup_journal: RollupJournalTable
  rollup_values: RollupValuesTable
  rollup_day: RollupCubeTable
  rollup_month: RollupCubeTable
  rollup_slices: RollupSlicesTable
  rollup_slice_packs: RollupSlicePacksTable
  report_templates: ReportTemplatesTable
  customer_notes: CustomerNotesTable
  customer_merges: CustomerMergesTable
  customer_actions: CustomerActionsTable
  contact_sends: ContactSendsTable
  survey_list_exports: SurveyListExportsTable
  customer_contacts: CustomerContactsTable
  customer_consents: CustomerConsentsTable
  contact_imports: ContactImportsTable
  customer_changes: CustomerChangesTable
  surveys: SurveysTable
  survey_links: SurveyLinksTable
  survey_answers: SurveyAnswersTable
  customer_rectifications: CustomerRectificationsTable
  privacy_tombstones: PrivacyTombstonesTable
  privacy_audit: PrivacyAuditTable
}
