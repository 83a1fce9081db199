import type { Migration } from './types'

/** The ids a note, relation or citation snapshot points at: its claim and/or source. */
const idsIn = (row: string): string => {
  const snapshot = `coalesce(${row}.new_value, ${row}.old_value)`
  const keys = ['targetId', 'fromClaimId', 'toClaimId', 'claimId', 'sourceId']
  return `json_array(${keys.map((key) => `json_extract(${snapshot}, '$.${key}')`).join(', ')})`
}

const KINDS = `('note', 'relation', 'citation')`

/**
 * Version 6: which claim or source each note, relation and citation was about, kept from the
 * history itself, so a record's history still shows a note or relation after it is deleted.
 */
export const migration006: Migration = {
  version: 6,
  name: 'change subjects',
  sql: `
CREATE TABLE change_subjects (
  subject_id TEXT NOT NULL,
  record_id TEXT NOT NULL,
  PRIMARY KEY (subject_id, record_id)
) WITHOUT ROWID;

INSERT OR IGNORE INTO change_subjects (subject_id, record_id)
  SELECT j.value, c.record_id FROM changes c, json_each(${idsIn('c')}) j
  WHERE c.field = '*' AND c.record_kind IN ${KINDS} AND j.value IS NOT NULL;

CREATE TRIGGER changes_subjects_ai AFTER INSERT ON changes
  WHEN new.field = '*' AND new.record_kind IN ${KINDS}
BEGIN
  INSERT OR IGNORE INTO change_subjects (subject_id, record_id)
    SELECT j.value, new.record_id FROM json_each(${idsIn('new')}) j WHERE j.value IS NOT NULL;
END;
`
}
