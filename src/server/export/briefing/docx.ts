import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild
} from 'docx'
import {
  CREDIBILITY_GRADES,
  RELIABILITY_GRADES,
  RELIABILITY_LABELS,
  STATUS_LABELS
} from '../../../shared/domain'
import {
  citationGrade,
  credibilityLabel,
  disagreementPairs,
  figureConflicts,
  figureGrade,
  formatDate,
  formatDay,
  formatTimestamp,
  normalizeCredibility,
  plural,
  renderContext,
  splitAtFigure,
  type BriefingClaim,
  type BriefingData,
  type DisagreementSide,
  type FigureSide,
  type RenderContext
} from './model'
import { briefingDrawings, type BriefingDrawing } from './drawings'
import type { BriefingDrawingKey } from '../../../shared/contractExports'

/**
 * The briefing as a Word document, for analysts who finish briefings in Word or LibreOffice:
 * the same sections as the PDF, as real headings, lists and tables that can be edited. Text
 * goes in as runs, which the `docx` package writes as escaped XML, so nothing a source says can
 * become markup. Fonts are named (Noto Sans, which Word substitutes when it is not installed).
 */

const FONT = 'Noto Sans'
const MUTED = '555555'
const ACCENT = '8A1C1C'

const STANCE_LABELS: Record<BriefingClaim['citations'][number]['stance'], string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  mentions: 'Mentions'
}

const RELATION_LABELS = {
  corroborates: { out: 'Corroborates', in: 'Corroborated by' },
  contradicts: { out: 'Contradicts', in: 'Contradicted by' },
  updates: { out: 'Updates', in: 'Updated by' },
  duplicates: { out: 'Duplicates', in: 'Duplicated by' }
} as const

function run(text: string, options: { bold?: boolean; italics?: boolean; color?: string } = {}) {
  return new TextRun({ text, ...options })
}

function para(children: ParagraphChild[] | string, options: IParagraphOptions = {}): Paragraph {
  return new Paragraph({
    ...options,
    children: typeof children === 'string' ? [run(children)] : children
  })
}

function heading(text: string, level: 1 | 2 | 3 = 1): Paragraph {
  const levels = {
    1: HeadingLevel.HEADING_1,
    2: HeadingLevel.HEADING_2,
    3: HeadingLevel.HEADING_3
  } as const
  return new Paragraph({ heading: levels[level], children: [run(text)] })
}

function cover(ctx: RenderContext): Paragraph[] {
  const { options } = ctx.data
  const lines: Paragraph[] = []
  if (options.classification.trim() !== '') {
    lines.push(
      para([run(options.classification, { bold: true, color: ACCENT })], {
        alignment: AlignmentType.CENTER
      })
    )
  }
  lines.push(para([run('Analytical briefing', { color: MUTED })], { spacing: { before: 1200 } }))
  lines.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [run(options.title)] }))
  const date = options.date ? formatDay(options.date) : formatTimestamp(options.generatedAt)
  const meta: Array<[string, string]> = [
    ['Prepared by', options.author],
    ['For', options.audience],
    ['Date', date],
    ['Scope', options.scopeLabel],
    [
      'Contents',
      [
        plural(ctx.summary.claims.length, 'claim'),
        plural(ctx.data.sources.length, 'source'),
        ctx.include.citations ? plural(ctx.summary.citations, 'citation') : null
      ]
        .filter((part): part is string => part !== null)
        .join(' · ')
    ]
  ]
  for (const [label, value] of meta) {
    if (value.trim() === '') continue
    lines.push(para([run(`${label}: `, { bold: true }), run(value)]))
  }
  return lines
}

function claimNumbers(ctx: RenderContext, ids: readonly string[]): number[] {
  return ids
    .map((id) => ctx.claimNumbers.get(id))
    .filter((number): number is number => number !== undefined)
    .sort((a, b) => a - b)
}

function judgements(ctx: RenderContext): Paragraph[] {
  const { bottomLine, judgements: list } = ctx.data.options
  const out: Paragraph[] = []
  if (bottomLine.trim() !== '') {
    out.push(heading('Bottom line'))
    out.push(para([run(bottomLine, { bold: true })]))
  }
  if (list.length > 0) {
    out.push(heading('Key judgements'))
    list.forEach((judgement, index) => {
      const children: ParagraphChild[] = [run(`${index + 1}. `, { bold: true })]
      if (judgement.confidence.trim() !== '') {
        children.push(run(`${judgement.confidence} `, { bold: true, italics: true }))
      }
      children.push(run(judgement.text))
      out.push(para(children))
      const numbers = claimNumbers(ctx, judgement.claimIds)
      const outside = judgement.claimIds
        .filter((id) => !ctx.claimNumbers.has(id))
        .map((id) => judgement.outside[id])
        .filter((text): text is string => text !== undefined)
      const support = [
        numbers.length > 0
          ? `${numbers.length === 1 ? 'claim' : 'claims'} ${numbers.join(', ')}`
          : null,
        ...outside.map((text) => `“${text}” (not in this briefing)`)
      ].filter((part): part is string => part !== null)
      if (support.length > 0) {
        out.push(
          para([run(`Rests on ${support.join('; ')}`, { color: MUTED })], {
            indent: { left: 360 }
          })
        )
      }
    })
  }
  return out
}

function quoteLines(ctx: RenderContext, claim: BriefingClaim): Paragraph[] {
  if (!ctx.include.citations) return []
  const start = ctx.endnoteStart.get(claim.id) ?? 1
  return claim.citations.flatMap((citation, index) => {
    const source = ctx.sources.get(citation.sourceId)
    const grade = citationGrade(ctx, claim, citation)
    const where = source
      ? [source.title, source.publisher, formatDate(source.publishedAt)]
          .filter((part): part is string => Boolean(part))
          .join(', ') + ` [S${source.number}]`
      : 'Unknown source'
    const lines = [
      para(
        [run(`[${start + index}] `, { bold: true }), run(`“${citation.quote}”`, { italics: true })],
        {
          indent: { left: 360 }
        }
      ),
      para(
        [
          run(
            [
              grade,
              STANCE_LABELS[citation.stance],
              where + (citation.locator ? `, ${citation.locator}` : '')
            ]
              .filter((part) => part !== '')
              .join(' · '),
            { color: MUTED }
          )
        ],
        { indent: { left: 720 } }
      )
    ]
    if (citation.translation) {
      lines.splice(
        1,
        0,
        para([run(citation.translation, { color: MUTED })], { indent: { left: 720 } })
      )
    }
    if (citation.note) {
      lines.push(para([run(citation.note, { color: MUTED })], { indent: { left: 720 } }))
    }
    return lines
  })
}

function claimBlock(ctx: RenderContext, claim: BriefingClaim): Paragraph[] {
  const number = ctx.claimNumbers.get(claim.id) ?? 0
  const out: Paragraph[] = [
    para([run(`Claim ${number}. `, { bold: true }), run(claim.text)], { keepNext: true })
  ]
  const meta: string[] = []
  if (ctx.include.statusAndCredibility) {
    const credibility = normalizeCredibility(claim.credibility)
    meta.push(
      STATUS_LABELS[claim.status] +
        (credibility === null
          ? ''
          : ` · credibility ${credibility} (${credibilityLabel(credibility)})`)
    )
    if (claim.confidence !== null) meta.push(`confidence ${Math.round(claim.confidence)}%`)
  }
  if (claim.eventDate) meta.push(`event date ${formatDate(claim.eventDate)}`)
  if (claim.tags.length > 0) meta.push(`tags: ${claim.tags.join(', ')}`)
  if (meta.length > 0) out.push(para([run(meta.join(' · '), { color: MUTED })]))
  out.push(...quoteLines(ctx, claim))
  if (ctx.include.notes) {
    for (const note of claim.notes) {
      out.push(
        para([run(`Note ${formatDate(note.createdAt)}: `, { bold: true }), run(note.body)], {
          indent: { left: 360 }
        })
      )
    }
  }
  if (ctx.include.relations) {
    for (const relation of claim.relations) {
      out.push(
        para(
          [
            run(`${RELATION_LABELS[relation.kind][relation.direction]} `, { bold: true }),
            run(`“${relation.otherText}”`)
          ],
          { indent: { left: 360 } }
        )
      )
    }
  }
  return out
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' }

function cell(children: Paragraph[], header = false): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [para('')],
    width: { size: 50, type: WidthType.PERCENTAGE },
    margins: { top: 80, bottom: 80, left: 120, right: 120 },
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F1ECE4' } : undefined
  })
}

function headerRow(left: string, right: string): TableRow {
  return new TableRow({
    tableHeader: true,
    children: [
      cell([para([run(left, { bold: true })])], true),
      cell([para([run(right, { bold: true })])], true)
    ]
  })
}

/** One side of a figure conflict: the sentence as written, the figure in bold, its source. */
function figureSideCell(ctx: RenderContext, figure: FigureSide): Paragraph[] {
  const source = ctx.sources.get(figure.sourceId)
  const { before, figure: marked, after } = splitAtFigure(figure.sentence, figure.figure)
  const where = source
    ? [source.title, source.publisher, formatDate(source.publishedAt)]
        .filter((part): part is string => Boolean(part))
        .join(', ') + ` [S${source.number}]`
    : 'Unknown source'
  const number = figure.claimId === null ? undefined : ctx.claimNumbers.get(figure.claimId)
  const out = [
    para([
      run(`“${before}`, { italics: true }),
      run(marked, { italics: true, bold: true }),
      run(`${after}”`, { italics: true })
    ])
  ]
  if (figure.translation) {
    out.push(para([run('Translation: ', { bold: true, color: MUTED }), run(figure.translation)]))
  }
  out.push(
    para([
      run([figureGrade(ctx, figure), where].filter((part) => part !== '').join(' · '), {
        color: MUTED
      })
    ])
  )
  if (number !== undefined) {
    out.push(para([run(`Quoted for claim ${number}`, { color: MUTED })]))
  }
  return out
}

/**
 * Contradicting claims side by side, each with its quotes when it is in the briefing; then the
 * figures the sources disagree on, the same way.
 */
function disagreements(ctx: RenderContext): Array<Paragraph | Table> {
  const side = ({ claim, text }: DisagreementSide): Paragraph[] =>
    claim
      ? [
          para([
            run(`Claim ${ctx.claimNumbers.get(claim.id) ?? ''}. `, { bold: true }),
            run(claim.text)
          ]),
          ...quoteLines(ctx, claim)
        ]
      : [para([run(text)]), para([run('(not in this briefing)', { color: MUTED })])]
  const rows = ctx.include.relations
    ? disagreementPairs(ctx.summary.claims).map(
        (pair) =>
          new TableRow({
            cantSplit: true,
            children: [cell(side(pair.left)), cell(side(pair.right))]
          })
      )
    : []
  const figures = figureConflicts(ctx)
  if (rows.length === 0 && figures.pairs.length === 0) return []
  const out: Array<Paragraph | Table> = [heading('Disagreements')]
  if (rows.length > 0) {
    out.push(
      para([run('Claims that contradict each other, side by side.', { color: MUTED })]),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [headerRow('Claim', 'Contradicted by'), ...rows]
      })
    )
  }
  if (figures.pairs.length > 0) {
    out.push(
      heading('Figures that disagree', 2),
      para([
        run(
          'Figures and dates in the sources cited here that do not agree, found by comparing the sources’ texts; each sentence as its source wrote it.',
          { color: MUTED }
        )
      ]),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          headerRow('One source', 'Another source'),
          ...figures.pairs.flatMap((pair) => [
            new TableRow({
              cantSplit: true,
              children: [
                cell(figureSideCell(ctx, pair.left)),
                cell(figureSideCell(ctx, pair.right))
              ]
            }),
            new TableRow({
              cantSplit: true,
              children: [
                new TableCell({
                  columnSpan: 2,
                  margins: { top: 40, bottom: 80, left: 120, right: 120 },
                  borders: {
                    top: CELL_BORDER,
                    bottom: CELL_BORDER,
                    left: CELL_BORDER,
                    right: CELL_BORDER
                  },
                  children: [
                    para([run('Compared: ', { bold: true, color: MUTED }), run(pair.reason)])
                  ]
                })
              ]
            })
          ])
        ]
      })
    )
    if (figures.omitted > 0) {
      out.push(
        para([
          run(
            `${figures.omitted} more pairs of figures disagree; the fact finder in the app lists them all.`,
            { color: MUTED }
          )
        ])
      )
    }
  }
  return out
}

/** Text width of the Word page in px (A4, 2.54 cm margins: 15.9 cm at 96 dpi). */
const PAGE_TEXT_PX = 600

/** A drawing as an image: the SVG, with its PNG for readers that do not draw SVG. */
function picture(drawing: BriefingDrawing, png: Uint8Array): Paragraph {
  const scale = Math.min(1, PAGE_TEXT_PX / drawing.width)
  return new Paragraph({
    keepLines: true,
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(drawing.svg.toString(), 'utf8'),
        fallback: { type: 'png', data: png },
        transformation: {
          width: Math.round(drawing.width * scale),
          height: Math.round(drawing.height * scale)
        },
        altText: { name: drawing.key, title: drawing.title, description: drawing.desc }
      })
    ]
  })
}

type Pictures = ReadonlyMap<BriefingDrawingKey, Uint8Array>

/** The charts, as images, under a heading; nothing when there is no picture for them. */
function chartsSection(ctx: RenderContext, drawings: BriefingDrawing[], pictures: Pictures) {
  const charts = drawings.filter((drawing) => drawing.key !== 'timeline')
  const drawn = charts.flatMap((drawing) => {
    const png = pictures.get(drawing.key)
    return png ? [heading(drawing.title, 3), picture(drawing, png)] : []
  })
  if (drawn.length === 0) return []
  return [heading('Charts'), ...drawn]
}

/** Dated claims: the drawing when there is a picture of it, then the list by event date. */
function timelineSection(
  ctx: RenderContext,
  drawings: BriefingDrawing[],
  pictures: Pictures
): Paragraph[] {
  const dated = ctx.summary.claims
    .filter((claim) => claim.eventDate)
    .sort((a, b) => (a.eventDate ?? '').localeCompare(b.eventDate ?? ''))
  if (dated.length === 0) return []
  const drawing = drawings.find((entry) => entry.key === 'timeline')
  const png = pictures.get('timeline')
  const out: Paragraph[] = [heading('Timeline')]
  if (drawing && png) {
    out.push(
      para([
        run('Dated claims by event date; ▲ marks the days their sources reported them.', {
          color: MUTED
        })
      ]),
      picture(drawing, png)
    )
  }
  for (const claim of dated) {
    const reported = [
      ...new Set(
        claim.citations
          .map((citation) => formatDate(ctx.sources.get(citation.sourceId)?.publishedAt ?? null))
          .filter((day) => /^\d{4}-\d{2}-\d{2}$/.test(day))
      )
    ].sort()
    out.push(
      para([
        run(`${formatDate(claim.eventDate)}  `, { bold: true }),
        run(`Claim ${ctx.claimNumbers.get(claim.id) ?? 0}. `, { bold: true }),
        run(claim.text),
        ...(reported.length > 0
          ? [run(` · reported ${reported.join(', ')}`, { color: MUTED })]
          : [])
      ])
    )
  }
  return out
}

function claimsSection(ctx: RenderContext): Paragraph[] {
  const out: Paragraph[] = [heading('Claims')]
  const given = new Map<string, string>()
  for (const group of ctx.data.groups) {
    if (ctx.data.options.groupBy !== 'none') out.push(heading(group.label || 'Ungrouped', 2))
    for (const claim of group.claims) {
      const first = given.get(claim.id)
      if (first !== undefined) {
        const number = ctx.claimNumbers.get(claim.id) ?? 0
        out.push(
          para([
            run(`Claim ${number}. `, { bold: true }),
            run(claim.text),
            run(` — given in full ${first.trim() === '' ? 'above' : `under “${first}”`}.`, {
              color: MUTED
            })
          ])
        )
        continue
      }
      given.set(claim.id, group.label)
      out.push(...claimBlock(ctx, claim))
    }
  }
  if (ctx.summary.claims.length === 0) out.push(para('No claims are in this briefing’s scope.'))
  return out
}

function sourcesSection(ctx: RenderContext): Paragraph[] {
  if (ctx.data.sources.length === 0) return []
  return [
    heading('Sources'),
    ...ctx.data.sources.map((source) =>
      para([
        run(`[S${source.number}] `, { bold: true }),
        run(source.title, { italics: true }),
        run(
          [
            source.publisher,
            formatDate(source.publishedAt),
            source.url,
            ctx.include.sourceReliability && source.reliability
              ? `reliability ${source.reliability}`
              : null
          ]
            .filter((part): part is string => Boolean(part))
            .map((part) => `, ${part}`)
            .join('')
        )
      ])
    )
  ]
}

function gradingKey(ctx: RenderContext): Paragraph[] {
  if (!ctx.include.statusAndCredibility && !ctx.include.sourceReliability) return []
  const out = [
    heading('Grading key'),
    para(
      'Claims and sources are graded with the Admiralty system. A citation’s grade combines the reliability of its source with the credibility of the claim, e.g. B2.'
    )
  ]
  if (ctx.include.sourceReliability) {
    out.push(heading('Source reliability', 3))
    for (const key of RELIABILITY_GRADES) {
      out.push(para([run(`${key}  `, { bold: true }), run(RELIABILITY_LABELS[key])]))
    }
  }
  if (ctx.include.statusAndCredibility) {
    out.push(heading('Information credibility', 3))
    for (const key of CREDIBILITY_GRADES) {
      out.push(para([run(`${key}  `, { bold: true }), run(credibilityLabel(key))]))
    }
  }
  return out
}

/** The briefing as a .docx file's bytes. */
export async function renderBriefingDocx(
  data: BriefingData,
  pictures: Pictures = new Map()
): Promise<Uint8Array> {
  const ctx = renderContext(data)
  const drawings = briefingDrawings(ctx)
  const { options } = data
  const marking = options.classification.trim()
  const document = new Document({
    creator: options.author.trim() || 'Attest',
    title: options.title,
    description: 'Analytical briefing',
    styles: {
      default: {
        document: { run: { font: FONT, size: 21 }, paragraph: { spacing: { after: 60 } } },
        title: {
          run: { font: FONT, size: 44, bold: true },
          paragraph: { spacing: { after: 240 } }
        },
        heading1: {
          run: { font: FONT, size: 30, bold: true, color: '222222' },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true }
        },
        heading2: {
          run: { font: FONT, size: 25, bold: true, color: '333333' },
          paragraph: { spacing: { before: 240, after: 80 }, keepNext: true }
        },
        heading3: {
          run: { font: FONT, size: 22, bold: true, color: '444444' },
          paragraph: { spacing: { before: 200, after: 60 }, keepNext: true }
        }
      }
    },
    sections: [
      {
        properties: { titlePage: true },
        headers: {
          default: new Header({
            children: [
              para([run([marking, options.title].filter(Boolean).join(' · '), { color: MUTED })], {
                alignment: AlignmentType.RIGHT
              })
            ]
          })
        },
        footers: {
          default: new Footer({
            children: [
              para(
                [
                  run(marking ? `${marking} · ` : '', { color: MUTED }),
                  new TextRun({ children: ['Page ', PageNumber.CURRENT], color: MUTED })
                ],
                { alignment: AlignmentType.CENTER }
              )
            ]
          })
        },
        children: [
          ...cover(ctx),
          para([], { pageBreakBefore: true }),
          ...judgements(ctx),
          ...disagreements(ctx),
          ...chartsSection(ctx, drawings, pictures),
          ...claimsSection(ctx),
          ...timelineSection(ctx, drawings, pictures),
          ...sourcesSection(ctx),
          ...gradingKey(ctx)
        ]
      }
    ]
  })
  const buffer = await Packer.toBuffer(document)
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}
