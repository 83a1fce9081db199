import type { HandlersFor } from '../handlers'
import type { documentRequests } from '../../shared/contractDocuments'

export const documentHandlers: HandlersFor<keyof typeof documentRequests> = {}
