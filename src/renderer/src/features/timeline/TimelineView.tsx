import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent as ReactKeyboardEvent, PointerEvent as ReactPointerEvent } from 'react'
import type { TimelineOutputs } from '../../../../shared/contractTimeline'
import {
  clusterTimeline,
  layoutTimeline,
  type TimelineMarkOrCluster
} from '../../../../shared/timeline'
import { markOf, reportedPath, sceneHeight } from '../../../../shared/timelineSvg'
import type { TimelineGeometry } from '../../../../shared/timelineSvg'
import type { Tag } from '../../../../shared/types'
import { call } from '../../api'
import { Popover } from '../../components/Popover'
import { useToasts } from '../../components/Toasts'
import { TagIcon } from '../../components/Icons'
import { countLabel } from '../../lib/format'
import { useWorkspace } from '../../workspace'
import { requestRecordFocus } from '../reader/readerNavigation'
import { Toolbar } from '../records/Toolbar'
import { TagChip } from '../tags/TagChip'
import { TagPicker } from '../tags/TagPicker'
import './timeline.css'

/** The app draws the briefing's picture a little roomier: taller lanes, more of them. */
const GEOMETRY: TimelineGeometry = { axisY: 26, lane: 24, marker: 22 }
const LANES = 10
const ZOOM_STEP = 1.6
const MAX_ZOOM = 2_000
/** Marks drawn beyond the visible part on each side, as a share of its width. */
const OVERSCAN = 0.5

type Data = TimelineOutputs['timeline.list']

function dayText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

function keyOf(mark: TimelineMarkOrCluster): string {
  return mark.kind === 'item' ? mark.item.id : `cluster:${mark.cluster.items[0]?.id ?? ''}`
}

function xOf(mark: TimelineMarkOrCluster): number {
  return mark.kind === 'item' ? mark.item.x : mark.cluster.x
}

function nameOf(mark: TimelineMarkOrCluster): string {
  if (mark.kind === 'item') return `${mark.item.date}: ${mark.item.label}`
  const { cluster } = mark
  return `${cluster.items.length.toLocaleString()} claims, ${dayText(cluster.from)} to ${dayText(cluster.to)}; Enter zooms in`
}

export function TimelineView({ active }: { active: boolean }) {
  const workspace = useWorkspace()
  const toasts = useToasts()
  const [tagIds, setTagIds] = useState<string[]>([])
  const [data, setData] = useState<Data | null>(null)
  const [zoom, setZoom] = useState(1)
  const [viewport, setViewport] = useState(0)
  const [scrollLeft, setScrollLeft] = useState(0)
  const [activeKey, setActiveKey] = useState<string | null>(null)
  const [picking, setPicking] = useState(false)
  const scrollRef = useRef<HTMLDivElement>(null)
  const pickRef = useRef<HTMLButtonElement>(null)
  const marksRef = useRef<SVGGElement>(null)
  /** Where to keep still while zooming: a share of the axis and its px from the left edge. */
  const anchor = useRef<{ share: number; offset: number } | null>(null)
  const focusAfterRender = useRef(false)
  const request = useRef(0)

  useEffect(() => {
    if (!active) return
    const ask = ++request.current
    call('timeline.list', tagIds.length ? { filter: { tagIds } } : {}).then((value) => {
      if (ask === request.current) setData(value)
    }, toasts.error)
  }, [active, tagIds, workspace.revision, toasts])

  useLayoutEffect(() => {
    const element = scrollRef.current
    if (!element) return
    const observer = new ResizeObserver(() => setViewport(element.clientWidth))
    observer.observe(element)
    setViewport(element.clientWidth)
    return () => observer.disconnect()
  }, [])

  const width = Math.max(1, Math.round(viewport * zoom))
  const layout = useMemo(
    () =>
      layoutTimeline(
        (data?.claims ?? []).map((claim) => ({
          id: claim.id,
          date: claim.eventDate,
          label: claim.text,
          reported: claim.reported
        })),
        width,
        GEOMETRY.marker,
        LANES
      ),
    [data, width]
  )
  const marks = useMemo(() => clusterTimeline(layout, GEOMETRY.marker, LANES), [layout])
  const height = sceneHeight(GEOMETRY, Math.max(1, layout.lanes))

  const zoomTo = useCallback(
    (next: number, atPx?: number) => {
      const element = scrollRef.current
      const clamped = Math.min(MAX_ZOOM, Math.max(1, next))
      if (!element || clamped === zoom) return
      const offset = atPx ?? element.clientWidth / 2
      anchor.current = { share: (element.scrollLeft + offset) / width, offset }
      setZoom(clamped)
    },
    [zoom, width]
  )

  useLayoutEffect(() => {
    const element = scrollRef.current
    if (!element || !anchor.current) return
    element.scrollLeft = anchor.current.share * width - anchor.current.offset
    anchor.current = null
    setScrollLeft(element.scrollLeft)
  }, [width])

  // Ctrl+wheel zooms where the pointer is (React's wheel listener cannot prevent the page zoom).
  useEffect(() => {
    const element = scrollRef.current
    if (!element) return
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return
      event.preventDefault()
      const rect = element.getBoundingClientRect()
      zoomTo(event.deltaY < 0 ? zoom * ZOOM_STEP : zoom / ZOOM_STEP, event.clientX - rect.left)
    }
    element.addEventListener('wheel', onWheel, { passive: false })
    return () => element.removeEventListener('wheel', onWheel)
  }, [zoom, zoomTo])

  const activeIndex = Math.max(
    0,
    marks.findIndex((mark) => keyOf(mark) === activeKey)
  )
  const current = marks[activeIndex] ?? null

  const from = scrollLeft - viewport * OVERSCAN
  const to = scrollLeft + viewport * (1 + OVERSCAN)
  const shown = marks.filter((mark, index) => {
    const x = xOf(mark)
    return (x >= from && x <= to) || index === activeIndex
  })

  useEffect(() => {
    if (!focusAfterRender.current || !current) return
    focusAfterRender.current = false
    marksRef.current
      ?.querySelector<SVGGElement>(`[data-key="${CSS.escape(keyOf(current))}"]`)
      ?.focus()
  })

  const moveTo = (index: number) => {
    const mark = marks[Math.min(marks.length - 1, Math.max(0, index))]
    if (!mark) return
    setActiveKey(keyOf(mark))
    focusAfterRender.current = true
    const element = scrollRef.current
    const x = xOf(mark)
    if (element && (x < element.scrollLeft + 20 || x > element.scrollLeft + viewport - 40)) {
      element.scrollLeft = x - viewport / 2
    }
  }

  const showInGrid = (claimId: string) => {
    workspace.showFiltered(
      'claims',
      tagIds.length ? { tags: { filterType: 'set', values: tagIds } } : {}
    )
    window.setTimeout(() => requestRecordFocus({ kind: 'claim', id: claimId, select: true }), 0)
  }

  const open = (mark: TimelineMarkOrCluster) => {
    if (mark.kind === 'item') {
      showInGrid(mark.item.id)
      return
    }
    // A cluster: zoom in on it until its claims stand apart.
    const element = scrollRef.current
    const spread = Math.max(ZOOM_STEP, Math.min(16, mark.cluster.items.length / LANES))
    setActiveKey(mark.cluster.items[0]?.id ?? null)
    focusAfterRender.current = true
    zoomTo(
      zoom * spread,
      element ? (mark.cluster.x + mark.cluster.x2) / 2 - element.scrollLeft : undefined
    )
  }

  const onKeyDown = (event: ReactKeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => moveTo(activeIndex + 1),
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowLeft: () => moveTo(activeIndex - 1),
      ArrowUp: () => moveTo(activeIndex - 1),
      Home: () => moveTo(0),
      End: () => moveTo(marks.length - 1),
      PageDown: () => moveTo(activeIndex + 10),
      PageUp: () => moveTo(activeIndex - 10),
      Enter: () => current && open(current),
      ' ': () => current && open(current),
      '+': () => zoomTo(zoom * ZOOM_STEP),
      '=': () => zoomTo(zoom * ZOOM_STEP),
      '-': () => zoomTo(zoom / ZOOM_STEP),
      '0': () => zoomTo(1)
    }
    const run = keys[event.key]
    if (!run || event.altKey || event.ctrlKey || event.metaKey) return
    event.preventDefault()
    run()
  }

  // Drag the empty plot to pan.
  const drag = useRef<{ x: number; left: number; moved: boolean } | null>(null)
  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || (event.target as Element).closest('.tl-mark')) return
    const element = scrollRef.current
    if (!element) return
    drag.current = { x: event.clientX, left: element.scrollLeft, moved: false }
    element.setPointerCapture(event.pointerId)
  }
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const element = scrollRef.current
    if (!drag.current || !element) return
    element.scrollLeft = drag.current.left - (event.clientX - drag.current.x)
  }
  const onPointerUp = () => {
    drag.current = null
  }

  const chosenTags = tagIds
    .map((id) => workspace.tagsById.get(id))
    .filter((tag): tag is Tag => tag !== undefined)
  const total = data?.total ?? 0
  const focusedItem = current?.kind === 'item' ? current.item : null

  return (
    <div className="view" hidden={!active}>
      <Toolbar
        title="Timeline"
        countText={data ? countLabel(total, 'dated claim', 'dated claims') : ''}
        middle={
          <div className="tl-filters">
            <button
              ref={pickRef}
              type="button"
              className="button"
              aria-expanded={picking}
              onClick={() => setPicking((value) => !value)}
            >
              <TagIcon />
              Filter by tag
            </button>
            {chosenTags.map((tag) => (
              <TagChip
                key={tag.id}
                tag={tag}
                full
                onRemove={() => setTagIds((ids) => ids.filter((id) => id !== tag.id))}
              />
            ))}
          </div>
        }
      >
        <div className="tl-zoom" role="group" aria-label="Zoom">
          <button
            type="button"
            className="button"
            aria-label="Zoom out"
            title="Zoom out (−)"
            disabled={zoom <= 1}
            onClick={() => zoomTo(zoom / ZOOM_STEP)}
          >
            −
          </button>
          <button
            type="button"
            className="button"
            title="Show everything (0)"
            disabled={zoom <= 1}
            onClick={() => zoomTo(1)}
          >
            Fit
          </button>
          <button
            type="button"
            className="button"
            aria-label="Zoom in"
            title="Zoom in (+)"
            disabled={zoom >= MAX_ZOOM}
            onClick={() => zoomTo(zoom * ZOOM_STEP)}
          >
            +
          </button>
        </div>
      </Toolbar>
      {picking ? (
        <Popover
          anchorRef={pickRef}
          onClose={() => setPicking(false)}
          label="Filter the timeline by tag"
          className="popover-picker"
        >
          <div className="popover-title">Show claims with a tag</div>
          <TagPicker
            label="Find a tag"
            placeholder="Find a tag…"
            allowCreate={false}
            stateOf={(tag) => (tagIds.includes(tag.id) ? 'on' : 'off')}
            onPick={(tag) =>
              setTagIds((ids) =>
                ids.includes(tag.id) ? ids.filter((id) => id !== tag.id) : [...ids, tag.id]
              )
            }
            onEscape={() => setPicking(false)}
          />
        </Popover>
      ) : null}
      <div className="tl-body">
        <p className="tl-lede">
          Claims by event date; ▲ marks the days their sources reported them. Ctrl+wheel or + and −
          zoom, drag to pan, arrow keys move from claim to claim, Enter shows it in Claims.
          {data && data.claims.length < total
            ? ` Showing the earliest ${data.claims.length.toLocaleString()} of ${total.toLocaleString()}.`
            : ''}
        </p>
        <div
          ref={scrollRef}
          className="tl-scroll"
          onScroll={(event) => setScrollLeft(event.currentTarget.scrollLeft)}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          {data && total === 0 ? (
            <p className="tl-empty">
              {tagIds.length
                ? 'No claim with these tags has an event date.'
                : 'No dated claims yet. Give a claim an event date in the Claims grid and it appears here.'}
            </p>
          ) : (
            <svg
              className="tl-plot"
              width={width}
              height={height}
              role="group"
              aria-label="Timeline of dated claims"
              onKeyDown={onKeyDown}
            >
              <line x1={0} x2={width} y1={GEOMETRY.axisY} y2={GEOMETRY.axisY} className="tl-axis" />
              {layout.ticks
                .filter((tick) => tick.x >= from && tick.x <= to)
                .map((tick) => (
                  <g key={`${tick.x}-${tick.label}`} aria-hidden="true">
                    <line
                      x1={tick.x}
                      x2={tick.x}
                      y1={GEOMETRY.axisY - 4}
                      y2={height}
                      className={tick.major ? 'tl-grid tl-major' : 'tl-grid'}
                    />
                    <text x={tick.x + 3} y={GEOMETRY.axisY - 8} className="tl-tick">
                      {tick.label}
                    </text>
                  </g>
                ))}
              <g ref={marksRef}>
                {shown.map((mark) => {
                  const key = keyOf(mark)
                  const focusable = key === keyOf(current ?? mark)
                  const common = {
                    'data-key': key,
                    role: 'button',
                    tabIndex: focusable ? 0 : -1,
                    'aria-label': nameOf(mark),
                    onFocus: () => setActiveKey(key),
                    onClick: () => {
                      setActiveKey(key)
                      open(mark)
                    }
                  }
                  if (mark.kind === 'cluster') {
                    const { cluster } = mark
                    return (
                      <g key={key} className="tl-mark tl-cluster" {...common}>
                        <rect
                          x={cluster.x + 1}
                          y={GEOMETRY.axisY + 8}
                          width={cluster.x2 - cluster.x - 2}
                          height={height - GEOMETRY.axisY - 14}
                          rx={6}
                        />
                        <text
                          x={(cluster.x + cluster.x2) / 2}
                          y={GEOMETRY.axisY + 24}
                          className="tl-count"
                        >
                          {cluster.items.length > 999 ? '1k+' : cluster.items.length}
                        </text>
                      </g>
                    )
                  }
                  const drawn = markOf(GEOMETRY, mark.item)
                  return (
                    <g key={key} className="tl-mark" {...common}>
                      {mark.item.reportedX.map((x, i) => (
                        <path key={i} d={reportedPath(GEOMETRY, x)} className="tl-reported" />
                      ))}
                      {drawn.shape === 'span' ? (
                        <rect
                          x={drawn.x}
                          y={drawn.cy - 7}
                          width={drawn.width}
                          height={14}
                          rx={7}
                          className="tl-span"
                        />
                      ) : (
                        <circle cx={drawn.cx} cy={drawn.cy} r={7} className="tl-dot" />
                      )}
                      <title>{nameOf(mark)}</title>
                    </g>
                  )
                })}
              </g>
            </svg>
          )}
        </div>
        <div className="tl-detail" aria-live="polite">
          {focusedItem ? (
            <>
              <span className="tl-detail-date">{focusedItem.date}</span>
              <span className="tl-detail-text">{focusedItem.label}</span>
              {focusedItem.reported?.length ? (
                <span className="tl-detail-when">reported {focusedItem.reported.join(', ')}</span>
              ) : null}
              <button type="button" className="button" onClick={() => showInGrid(focusedItem.id)}>
                Show in Claims →
              </button>
            </>
          ) : current?.kind === 'cluster' ? (
            <span className="tl-detail-text">{nameOf(current)}</span>
          ) : (
            <span className="tl-detail-text tl-muted">
              Choose a claim on the timeline to see it here.
            </span>
          )}
        </div>
      </div>
    </div>
  )
}
