import type { HandlersFor } from '../handlers'
import type { exportRequests } from '../../shared/contractExports'

export const exportHandlers: HandlersFor<keyof typeof exportRequests> = {}
