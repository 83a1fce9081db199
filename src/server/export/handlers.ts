import type { HandlersFor } from '../handlers'
import type { briefingRequests } from '../../shared/contractBriefings'
import type { exportRequests } from '../../shared/contractExports'
import { briefingDocx, briefingDrawingsOf, briefingHtml } from './briefingData'
import {
  createBriefing,
  deleteBriefing,
  getBriefing,
  listBriefings,
  updateBriefing
} from './briefings'
import { interchangeExport } from './interchange'
import { cancelExport, exportFile, exportStatus, releaseExport, startExport } from './jobs'

export const exportHandlers: HandlersFor<keyof typeof exportRequests> = {
  'export.interchange': (ctx, input) => interchangeExport(ctx, input),
  'export.start': (ctx, input) => startExport(ctx, input),
  'export.status': (ctx, input) => exportStatus(ctx, input.jobId),
  'export.cancel': (ctx, input) => cancelExport(ctx, input.jobId),
  'export.file': (ctx, input) => exportFile(ctx, input.jobId),
  'export.release': (ctx, input) => releaseExport(ctx, input.jobId),
  'briefing.html': (ctx, input) => briefingHtml(ctx, input),
  'briefing.drawings': (ctx, input) => briefingDrawingsOf(ctx, input),
  'briefing.docx': (ctx, input) => briefingDocx(ctx, input)
}

export const briefingHandlers: HandlersFor<keyof typeof briefingRequests> = {
  'briefings.list': (ctx) => listBriefings(ctx),
  'briefings.get': (ctx, input) => getBriefing(ctx, input.id),
  'briefings.create': (ctx, input) => createBriefing(ctx, input),
  'briefings.update': (ctx, input) => updateBriefing(ctx, input),
  'briefings.delete': (ctx, input) => deleteBriefing(ctx, input.id)
}
