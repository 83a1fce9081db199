import type { HandlersFor } from '../handlers'
import type { tableRequests } from '../../shared/contractTables'
import { importTable } from './tableImport'

export const tableHandlers: HandlersFor<keyof typeof tableRequests> = {
  'tables.import': (ctx, input) => importTable(ctx, input)
}
