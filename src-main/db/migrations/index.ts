import type { Migration } from 'kysely'
import * as initial from './2026-11-22-initial'
import * as bandsTags from './2026-11-22-bands-tags'
import * as journeys from './2026-11-23-journeys'
import * as inbox from './2026-11-23-inbox'
import * as metricsRollups from './2026-11-23-metrics-rollups'
import * as customerFilterIndexes from './2026-11-24-customer-filter-indexes'
import * as inboxDateCovering from './2026-11-24-inbox-date-covering'
import * as reportTemplates from './2026-11-24-report-templates'
import * as rollupSlicePacks from './2026-11-25-rollup-slice-packs'
import * as binarySlicePacks from './2026-11-26-binary-slice-packs'
import * as monthCubeTagIndexes from './2026-11-27-month-cube-tag-indexes'
import * as churnCohort from './2026-11-28-churn-cohort'
import * as rollupOwner from './2026-11-29-rollup-owner'
import * as importZones from './2026-12-02-import-zones'
import * as personaLibrary from './2026-12-02-persona-library'
import * as customerProfiles from './2026-12-03-customer-profiles'
import * as collectionSurveys from './2026-12-02-collection-surveys'
import * as customerRectifications from './2026-12-04-customer-rectifications'
import * as textRulesVersion from './2026-12-02-text-rules-version'
import * as privacy from './2026-12-04-privacy'
import * as followUpDue from './2026-12-04-follow-up-due'
import * as contactLogConsent from './2026-12-05-contact-log-consent'
import * as contactImports from './2026-12-06-contact-imports'
import * as customerChanges from './2026-12-07-customer-changes'
import * as surveyListCovering from './2026-12-11-survey-list-covering'
import * as surveyListExports from './2026-12-11-survey-list-exports'

/**
 * Every migration, in the order a workspace gets them. Listed statically because a bundled main
 * process has no folder to read. A workspace records each migration applied to it by name (table
 * schema_migrations, see ../migrate.ts), so a migration may land here at another position than on
 * the branch it was written on: add new ones at the end, and never remove or rename one.
 */
export const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['2026-11-22-initial', initial],
  ['2026-11-22-bands-tags', bandsTags],
  ['2026-11-23-journeys', journeys],
  ['2026-11-23-inbox', inbox],
  ['2026-11-23-metrics-rollups', metricsRollups],
  ['2026-11-24-customer-filter-indexes', customerFilterIndexes],
  ['2026-11-24-inbox-date-covering', inboxDateCovering],
  ['2026-11-24-report-templates', reportTemplates],
  ['2026-11-25-rollup-slice-packs', rollupSlicePacks],
  ['2026-11-26-binary-slice-packs', binarySlicePacks],
  ['2026-11-27-month-cube-tag-indexes', monthCubeTagIndexes],
  ['2026-11-28-churn-cohort', churnCohort],
  ['2026-11-29-rollup-owner', rollupOwner],
  ['2026-12-02-import-zones', importZones],
  ['2026-12-02-persona-library', personaLibrary],
  ['2026-12-03-customer-profiles', customerProfiles],
  ['2026-12-02-collection-surveys', collectionSurveys],
  ['2026-12-04-customer-rectifications', customerRectifications],
  ['2026-12-02-text-rules-version', textRulesVersion],
  ['2026-12-04-privacy', privacy],
  ['2026-12-04-follow-up-due', followUpDue],
  ['2026-12-05-contact-log-consent', contactLogConsent],
  ['2026-12-06-contact-imports', contactImports],
  ['2026-12-07-customer-changes', customerChanges],
  ['2026-12-11-survey-list-covering', surveyListCovering],
  ['2026-12-11-survey-list-exports', surveyListExports],
]

/**
 * Before migrations were recorded by name, PRAGMA user_version N meant "the first N of these were
 * applied". These names and their order are frozen: they decode every file written back then.
 */
export const POSITIONAL_MIGRATIONS: readonly string[] = [
  '2026-11-22-initial',
  '2026-11-22-bands-tags',
  '2026-11-23-journeys',
  '2026-11-23-inbox',
  '2026-11-23-metrics-rollups',
  '2026-11-24-customer-filter-indexes',
  '2026-11-24-inbox-date-covering',
  '2026-11-24-report-templates',
  '2026-11-25-rollup-slice-packs',
  '2026-11-26-binary-slice-packs',
  '2026-11-27-month-cube-tag-indexes',
]

/**
 * The schema generation this app writes when it is up to date: PRAGMA user_version holds how many
 * migrations a file has had, so a file whose number exceeds this list's length has had one this app
 * does not know, and is refused from its header alone, before SQLite opens it.
 */
export const LATEST_SCHEMA_VERSION = migrations.length
