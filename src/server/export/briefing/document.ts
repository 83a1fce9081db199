import { renderClaims } from './claims'
import { renderCover } from './cover'
import { renderDisagreements } from './disagreements'
import { renderGradingKey } from './gradingKey'
import { html, trustedCss } from './html'
import { renderJudgements } from './judgements'
import { renderContext, type BriefingData } from './model'
import { renderSources } from './sources'
import { renderTimeline } from './timeline'
import { renderSummary } from './summary'
import STYLES from './briefing.css?raw'

export type BriefingRenderOptions = { fontCss: string }

/**
 * The briefing as one self-contained, script-free HTML page laid out for Chromium's print engine
 * (A4): no scripts, no remote resources, a strict CSP.
 */
export function renderBriefingHtml(data: BriefingData, render: BriefingRenderOptions): string {
  const ctx = renderContext(data)
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src file: data:; img-src data:">
<meta name="generator" content="Attest">
<title>${data.options.title}</title>
<style>
${trustedCss(render.fontCss)}
${trustedCss(STYLES)}
</style>
</head>
<body>
${renderCover(ctx)}
${renderJudgements(ctx)}
${renderDisagreements(ctx)}
${renderSummary(ctx)}
${renderClaims(ctx)}
${renderTimeline(ctx)}
${renderSources(ctx)}
${renderGradingKey(ctx)}
</body>
</html>
`.toString()
}
