import type { factRequests } from '../../shared/contractFacts'
import type { HandlersFor } from '../handlers'
import { suggestCredibility } from './credibility'
import { factPairs, listFacts } from './pairs'
import { similarClaims } from './similar'

export const factHandlers: HandlersFor<keyof typeof factRequests> = {
  'facts.list': (ctx, input) => ({ facts: listFacts(ctx, input) }),
  'facts.pairs': (ctx, input) => ({ pairs: factPairs(ctx, input) }),
  'claims.credibility': (ctx, input) => suggestCredibility(ctx, input.id),
  'claims.similar': (ctx, input) => ({ claims: similarClaims(ctx, input.text, input.lang) })
}
