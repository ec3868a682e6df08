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

/**
 * Every migration, in order. Listed statically because a bundled main process has no folder to
 * read. The position in this list is the schema version stored in PRAGMA user_version.
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
]

export const LATEST_SCHEMA_VERSION = migrations.length
