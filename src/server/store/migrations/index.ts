import { migration001 } from './001_core'
import { migration002 } from './002_records'
import { migration003 } from './003_citations'
import { migration004 } from './004_citation_counts'
import { migration005 } from './005_search_parts'
import { migration006 } from './006_change_subjects'
import { migration007 } from './007_source_layout'
import { migration008 } from './008_briefings'
import { migration009 } from './009_facts'
import { migration010 } from './010_citation_translation'
import { migration011 } from './011_dismissed_pairs'
import { migration012 } from './012_source_origin'
import { migration013 } from './013_claim_flag'
import type { Migration } from './types'

/** Every schema version, in order. Append only: a released migration never changes. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013
]
export const LATEST_VERSION = MIGRATIONS.length
export type { Migration }
