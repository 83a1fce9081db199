import { AttestError } from '../../shared/result'
import type { documentRequests } from '../../shared/contractDocuments'
import type { HandlersFor } from '../handlers'
import {
  createCitation,
  createClaimFromSelection,
  deleteCitation,
  listCitations,
  reanchorCitation,
  updateCitation
} from './citations'
import { findInSource, prepareDocument, prepareReferenceFile, sourceClutter } from './documents'

export const documentHandlers: HandlersFor<keyof typeof documentRequests> = {
  'documents.prepare': (ctx, input) => prepareDocument(ctx, input),
  'references.prepare': (ctx, input) => prepareReferenceFile(ctx, input),
  'sources.clutter': (ctx, input) => sourceClutter(ctx, input.id),
  'sources.findText': (ctx, input) => findInSource(ctx, input.id, input.text, input.limit),
  'citations.list': (ctx, input) => {
    if (!input.claimId && !input.sourceId && !input.orphanedOnly) {
      throw new AttestError('invalid_input', 'Name a claim or a source, or ask for orphans.')
    }
    return listCitations(ctx, input)
  },
  'citations.create': (ctx, input) => createCitation(ctx, input),
  'claims.createFromSelection': (ctx, input) => createClaimFromSelection(ctx, input),
  'citations.update': (ctx, input) => updateCitation(ctx, input),
  'citations.reanchor': (ctx, input) => reanchorCitation(ctx, input),
  'citations.delete': (ctx, input) => deleteCitation(ctx, input.id)
}
