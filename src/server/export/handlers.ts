import type { HandlersFor } from '../handlers'
import type { exportRequests } from '../../shared/contractExports'
import { briefingHtml } from './briefingData'
import { cancelExport, exportFile, exportStatus, releaseExport, startExport } from './jobs'

export const exportHandlers: HandlersFor<keyof typeof exportRequests> = {
  'export.start': (ctx, input) => startExport(ctx, input),
  'export.status': (ctx, input) => exportStatus(ctx, input.jobId),
  'export.cancel': (ctx, input) => cancelExport(ctx, input.jobId),
  'export.file': (ctx, input) => exportFile(ctx, input.jobId),
  'export.release': (ctx, input) => releaseExport(ctx, input.jobId),
  'briefing.html': (ctx, input) => briefingHtml(ctx, input)
}
