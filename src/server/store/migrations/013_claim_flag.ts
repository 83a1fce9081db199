import type { Migration } from './types'

/**
 * Version 13: a claim's flag, kept with it so that the claims grid shows it without computing
 * anything per row — why the claim is disputed (a contradicting citation, figures in its
 * citations that conflict), or null.
 */
export const migration013: Migration = {
  version: 13,
  name: 'claim_flag',
  sql: `
ALTER TABLE claims ADD COLUMN flag TEXT CHECK (flag IS NULL OR length(flag) <= 500);
UPDATE claims SET flag = 'A citation contradicts it.'
  WHERE id IN (SELECT claim_id FROM citations WHERE stance = 'contradicts');
`
}
