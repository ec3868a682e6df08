import type { Figure } from '../../../../../src-shared/api/metrics'
import { cardsByCell, cellKey, orderedSteps, stepsOf } from '../../../../../src-shared/domain/journeys/grid'
import { EMOTION_MAX, EMOTION_MIN, type Card, type JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import type { Locale } from '../../../../../src-shared/domain/locales'
import type { Translate } from '../../../../../src-shared/i18n/translate'
import type { Formatters } from '../../../i18n/format'
import { CURVE_HEIGHT, emotionY, smoothPath } from '../map/EmotionCurve'
import { plainText } from '../map/FormattedText'
import { iconPath } from '../map/icons'
import { cardPalette, heatPalette, stagePalette } from '../map/palette'
import { actualEmotions, figureForCard, heatOf } from '../scores/liveScores'
import { breakLines, clampLines } from './lineBreaks'

const FONT = "'Noto Sans', 'Noto Sans Thai', sans-serif"
const M = 32
const LANE_W = 190
const COL_W = 208
const GAP = 8
const PAD = 8
const LINE = 17
const CHIP_H = 46

export interface PngOptions {
  t: Translate
  fmt: Formatters
  locale: Locale
  scores: { current: Map<string, Figure> } | null
  heat: boolean
  actualCurve: boolean
  /** Device pixels per layout pixel: 2 for a crisp image, lowered for very large maps. */
  scale?: number
}

/** Breaks text into lines that fit, at the word boundaries of the language (Thai has no spaces), never before punctuation. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, locale: Locale): string[] {
  return breakLines(text, width, (t) => ctx.measureText(t).width, locale)
}

/** At most `max` lines of the text, the last ending in "…" when some was left out. */
function wrapClamped(ctx: CanvasRenderingContext2D, text: string, width: number, locale: Locale, max: number): string[] {
  return clampLines(wrap(ctx, text, width, locale), max, width, (t) => ctx.measureText(t).width)
}

interface Layout {
  width: number
  height: number
  rows: { laneId: string; top: number; height: number }[]
  gridTop: number
  stepRow: boolean
}

function cardLines(ctx: CanvasRenderingContext2D, card: Card, locale: Locale): string[] {
  ctx.font = `13px ${FONT}`
  return wrap(ctx, plainText(card.text).replace(/^\s*[-•]\s+/gm, '• '), COL_W - 2 * GAP - 2 * PAD, locale)
}
const cardHeight = (lines: number, card: Card) => 2 * PAD + lines * LINE + (card.channel || card.icon !== 'none' ? 18 : 0) + (card.image ? 88 : 0)

function layout(ctx: CanvasRenderingContext2D, doc: JourneyDoc, o: PngOptions, headerHeight: number): Layout {
  const steps = orderedSteps(doc)
  const cells = cardsByCell(doc)
  const stepRow = doc.steps.some((s) => s.name)
  const gridTop = headerHeight + 36 + (stepRow ? 26 : 0)
  let y = gridTop
  const rows = doc.lanes.map((lane) => {
    let h = 56
    if (lane.type === 'emotion') h = Math.max(CURVE_HEIGHT, emotionLegendHeight(ctx, lane.name, o))
    else if (lane.type === 'scores') {
      for (const s of steps) h = Math.max(h, GAP + doc.cards.filter((c) => c.stepId === s.id && c.link && doc.lanes.find((l) => l.id === c.laneId)?.type === 'touchpoints').length * (CHIP_H + GAP))
      if (!o.scores) h = 40
    } else
      for (const s of steps) {
        const cards = cells.get(cellKey(lane.id, s.id)) ?? []
        h = Math.max(h, GAP + cards.reduce((sum, c) => sum + cardHeight(cardLines(ctx, c, o.locale).length, c) + GAP, 0))
      }
    const row = { laneId: lane.id, top: y, height: h }
    y += h
    return row
  })
  return { width: M * 2 + LANE_W + steps.length * COL_W, height: y + M, rows, gridTop, stepRow }
}

interface LegendEntry {
  label: string
  color: string
  dash: number[]
}

const LEGEND_LINE = 14
const LEGEND_TEXT_W = LANE_W - 40

/** What the emotion lane's curves are, drawn under its name: one entry per curve, then what the values mean. */
function emotionLegend(o: PngOptions): { entries: LegendEntry[]; notes: string[] } {
  const entries: LegendEntry[] = [{ label: o.t('journey.emotion.imagined'), color: IMAGINED, dash: [] }]
  const notes = [o.t('journey.emotion.scale')]
  if (o.actualCurve && o.scores) {
    entries.push({ label: o.t('journey.emotion.actual'), color: ACTUAL, dash: [6, 5] })
    notes.push(o.t('journey.emotion.actualDots'))
  }
  return { entries, notes }
}

function emotionLegendHeight(ctx: CanvasRenderingContext2D, laneName: string, o: PngOptions): number {
  ctx.font = `600 13px ${FONT}`
  let h = 10 + Math.min(3, wrap(ctx, laneName, LANE_W - 40, o.locale).length) * LINE + 6
  const { entries, notes } = emotionLegend(o)
  ctx.font = `11px ${FONT}`
  for (const e of entries) h += wrap(ctx, e.label, LEGEND_TEXT_W - 26, o.locale).length * LEGEND_LINE + 4
  for (const n of notes) h += wrap(ctx, n, LEGEND_TEXT_W, o.locale).length * LEGEND_LINE + 4
  return h + 8
}

function drawEmotionLegend(ctx: CanvasRenderingContext2D, o: PngOptions, x: number, top: number): void {
  const { entries, notes } = emotionLegend(o)
  let y = top
  ctx.font = `11px ${FONT}`
  for (const e of entries) {
    ctx.strokeStyle = e.color
    ctx.lineWidth = 3
    ctx.setLineDash(e.dash)
    ctx.beginPath()
    ctx.moveTo(x, y + 7)
    ctx.lineTo(x + 20, y + 7)
    ctx.stroke()
    ctx.setLineDash([])
    ctx.fillStyle = e.color
    ctx.beginPath()
    ctx.arc(x + 10, y + 7, 4, 0, Math.PI * 2)
    ctx.fill()
    ctx.fillStyle = '#1a202c'
    const lines = wrap(ctx, e.label, LEGEND_TEXT_W - 26, o.locale)
    lines.forEach((line, i) => ctx.fillText(line, x + 26, y + i * LEGEND_LINE))
    y += lines.length * LEGEND_LINE + 4
  }
  ctx.fillStyle = '#4a5361'
  for (const n of notes) {
    const lines = wrap(ctx, n, LEGEND_TEXT_W, o.locale)
    lines.forEach((line, i) => ctx.fillText(line, x, y + i * LEGEND_LINE))
    y += lines.length * LEGEND_LINE + 4
  }
}

const IMAGINED = '#2b6cb0'
const ACTUAL = '#975a16'

function drawIcon(ctx: CanvasRenderingContext2D, name: Parameters<typeof iconPath>[0], x: number, y: number, size: number, color: string) {
  ctx.save()
  ctx.translate(x, y)
  ctx.scale(size / 24, size / 24)
  ctx.strokeStyle = color
  ctx.lineWidth = 1.8
  ctx.lineCap = 'round'
  ctx.lineJoin = 'round'
  ctx.stroke(new Path2D(iconPath(name)))
  ctx.restore()
}

async function loadImage(src: string): Promise<HTMLImageElement | null> {
  const img = new Image()
  img.src = src
  try {
    await img.decode()
    return img
  } catch {
    return null
  }
}

/**
 * Draws the map onto a canvas, the same layout as the editor's: a title block with the persona
 * and scenario, stage and step headers, every lane with its cards, the emotion curve(s) and the
 * live scores. Works offline and under the app's content security policy (no HTML is serialised).
 */
export async function renderMapCanvas(doc: JourneyDoc, o: PngOptions): Promise<HTMLCanvasElement> {
  await document.fonts.ready
  const { t, fmt } = o
  const measure = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D
  const persona = doc.persona
  const headerLines = [doc.map.scenario, persona ? `${t('journey.persona.title')}: ${persona.name}${persona.quote ? ` — ${persona.quote}` : ''}` : ''].filter(Boolean)
  const headerHeight = M + 34 + headerLines.length * 20 + 16
  const L = layout(measure, doc, o, headerHeight)
  const steps = orderedSteps(doc)
  const maxSide = 16_000
  const scale = Math.min(o.scale ?? 2, maxSide / L.width, maxSide / L.height)
  const canvas = document.createElement('canvas')
  canvas.width = Math.ceil(L.width * scale)
  canvas.height = Math.ceil(L.height * scale)
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
  ctx.scale(scale, scale)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, L.width, L.height)
  ctx.textBaseline = 'top'

  // Title block.
  ctx.fillStyle = '#1a202c'
  ctx.font = `600 22px ${FONT}`
  const kind = t(doc.map.kind === 'to_be' ? 'journey.kind.to_be' : 'journey.kind.as_is')
  ctx.fillText(`${doc.map.name} · ${kind}`, M, M)
  ctx.font = `14px ${FONT}`
  ctx.fillStyle = '#4a5361'
  headerLines.forEach((line, i) => ctx.fillText(wrapClamped(ctx, line, L.width - 2 * M, o.locale, 1)[0] ?? '', M, M + 34 + i * 20))

  // Stage and step headers.
  const x0 = M + LANE_W
  let sx = x0
  const headTop = headerHeight
  for (const stage of doc.stages) {
    const n = stepsOf(doc, stage.id).length
    ctx.fillStyle = stagePalette[stage.color]
    ctx.fillRect(sx + 2, headTop, n * COL_W - 4, 32)
    ctx.fillStyle = '#ffffff'
    ctx.font = `600 14px ${FONT}`
    ctx.fillText(wrapClamped(ctx, stage.name, n * COL_W - 24, o.locale, 1)[0] ?? '', sx + 12, headTop + 8)
    sx += n * COL_W
  }
  if (L.stepRow) {
    ctx.font = `12px ${FONT}`
    ctx.fillStyle = '#4a5361'
    steps.forEach((s, i) => ctx.fillText(wrapClamped(ctx, s.name, COL_W - 20, o.locale, 1)[0] ?? '', x0 + i * COL_W + 10, headTop + 40))
  }

  const cells = cardsByCell(doc)
  const metric = doc.map.scoreMetric
  const touchpointLanes = new Set(doc.lanes.filter((l) => l.type === 'touchpoints').map((l) => l.id))
  const touchpointCards = doc.cards.filter((c) => touchpointLanes.has(c.laneId))
  const images = new Map<string, HTMLImageElement | null>()
  for (const c of doc.cards) if (c.image) images.set(c.id, await loadImage(c.image))

  for (const [li, lane] of doc.lanes.entries()) {
    const row = L.rows[li]
    ctx.fillStyle = li % 2 ? '#fafbfc' : '#ffffff'
    ctx.fillRect(M, row.top, L.width - 2 * M, row.height)
    ctx.strokeStyle = '#e2e8f0'
    ctx.beginPath()
    ctx.moveTo(M, row.top + row.height)
    ctx.lineTo(L.width - M, row.top + row.height)
    ctx.stroke()
    drawIcon(ctx, lane.type, M + 6, row.top + 10, 16, '#4a5361')
    ctx.fillStyle = '#1a202c'
    ctx.font = `600 13px ${FONT}`
    const nameLines = wrapClamped(ctx, lane.name, LANE_W - 40, o.locale, 3)
    nameLines.forEach((line, i) => ctx.fillText(line, M + 28, row.top + 10 + i * LINE))

    if (lane.type === 'emotion') {
      drawEmotionLegend(ctx, o, M + 28, row.top + 10 + nameLines.length * LINE + 6)
      ctx.save()
      ctx.translate(x0, row.top)
      // The scale: the neutral line dashed, its ends and middle labelled.
      ctx.strokeStyle = '#cbd5e0'
      ctx.lineWidth = 1
      ctx.setLineDash([4, 4])
      ctx.beginPath()
      ctx.moveTo(34, emotionY(0))
      ctx.lineTo(steps.length * COL_W, emotionY(0))
      ctx.stroke()
      ctx.setLineDash([])
      ctx.font = `10px ${FONT}`
      ctx.fillStyle = '#718096'
      ctx.textBaseline = 'middle'
      for (const v of [EMOTION_MAX, 0, EMOTION_MIN]) ctx.fillText(v === 0 ? '0' : fmt.signed(v), 4, emotionY(v))
      const imagined = new Map(doc.emotions.filter((e) => e.laneId === lane.id).map((e) => [e.stepId, e.value]))
      const actual =
        o.actualCurve && o.scores ? new Map([...actualEmotions(steps.map((s) => s.id), touchpointCards, o.scores.current, metric)].map(([k, v]) => [k, Math.round(v.value)])) : null
      const curve = (values: Map<string, number>, other: Map<string, number> | null, color: string, dash: number[], below: boolean) => {
        const pts = steps.flatMap((s, i) => (values.has(s.id) ? [{ x: (i + 0.5) * COL_W, y: emotionY(values.get(s.id) as number), v: values.get(s.id) as number, other: other?.get(s.id) }] : []))
        ctx.strokeStyle = color
        ctx.lineWidth = 3
        ctx.setLineDash(dash)
        ctx.stroke(new Path2D(smoothPath(pts)))
        ctx.setLineDash([])
        ctx.font = `600 12px ${FONT}`
        for (const p of pts) {
          ctx.fillStyle = color
          ctx.beginPath()
          ctx.arc(p.x, p.y, 5, 0, Math.PI * 2)
          ctx.fill()
          // Each point's value beside it, on the side away from the other curve's point at the same step.
          const under = p.other === undefined ? below : p.other === p.v ? below : p.other > p.v
          const label = p.v === 0 ? '0' : fmt.signed(p.v)
          const w = ctx.measureText(label).width
          const ly = under ? Math.min(p.y + 14, CURVE_HEIGHT - 7) : Math.max(p.y - 14, 7)
          ctx.fillStyle = 'rgba(255,255,255,0.85)'
          ctx.fillRect(p.x + 7, ly - 8, w + 4, 16)
          ctx.fillStyle = color
          ctx.fillText(label, p.x + 9, ly)
        }
      }
      if (actual) curve(actual, imagined, ACTUAL, [6, 5], true)
      curve(imagined, actual, IMAGINED, [], false)
      ctx.textBaseline = 'top'
      ctx.restore()
      continue
    }

    if (lane.type === 'scores') {
      if (!o.scores) continue
      steps.forEach((s, i) => {
        let y = row.top + GAP
        for (const c of touchpointCards.filter((c) => c.stepId === s.id && c.link)) {
          const f = figureForCard(o.scores?.current ?? new Map(), c)
          const heat = heatPalette[heatOf(metric, f)]
          const x = x0 + i * COL_W + GAP
          ctx.fillStyle = heat.bg
          ctx.strokeStyle = heat.border
          ctx.lineWidth = 1.5
          ctx.beginPath()
          ctx.roundRect(x, y, COL_W - 2 * GAP, CHIP_H, 6)
          ctx.fill()
          ctx.stroke()
          ctx.fillStyle = heat.text
          ctx.font = `12px ${FONT}`
          ctx.fillText(wrapClamped(ctx, plainText(c.text) || c.link?.touchpoint || '', COL_W - 2 * GAP - 16, o.locale, 1)[0] ?? '', x + 8, y + 5)
          ctx.font = `600 14px ${FONT}`
          const value = f && f.value !== null ? (metric === 'nps' ? fmt.signed(f.value) : metric === 'csat' ? `${fmt.number(f.value, 0)}%` : fmt.number(f.value, 1)) : t('common.notAvailable')
          ctx.fillText(`${t(`metric.${metric}`)} ${value}  ·  ${t('journey.scores.n', { n: fmt.integer(f?.n ?? 0) })}`, x + 8, y + 23)
          y += CHIP_H + GAP
        }
      })
      continue
    }

    steps.forEach((s, i) => {
      let y = row.top + GAP
      for (const c of cells.get(cellKey(lane.id, s.id)) ?? []) {
        const lines = cardLines(ctx, c, o.locale)
        const h = cardHeight(lines.length, c)
        const x = x0 + i * COL_W + GAP
        const f = o.scores ? figureForCard(o.scores.current, c) : undefined
        const heat = o.heat && c.link ? heatPalette[heatOf(metric, f)] : null
        ctx.fillStyle = cardPalette[c.color].bg
        ctx.strokeStyle = heat?.border ?? cardPalette[c.color].border
        ctx.lineWidth = heat ? 2.5 : 1
        ctx.beginPath()
        ctx.roundRect(x, y, COL_W - 2 * GAP, h, 6)
        ctx.fill()
        ctx.stroke()
        let ty = y + PAD
        if (c.channel || c.icon !== 'none') {
          if (c.channel) drawIcon(ctx, c.channel, x + PAD, ty, 15, '#2d3748')
          if (c.icon !== 'none') drawIcon(ctx, c.icon, x + PAD + (c.channel ? 20 : 0), ty, 15, '#2d3748')
          if (heat && f && f.value !== null) {
            ctx.fillStyle = heat.text
            ctx.font = `600 12px ${FONT}`
            ctx.fillText(`${t(`metric.${metric}`)} ${metric === 'nps' ? fmt.signed(f.value) : fmt.number(f.value, 1)}`, x + PAD + (c.channel && c.icon !== 'none' ? 44 : 22), ty + 1)
          }
          ty += 18
        }
        const img = images.get(c.id)
        if (img) {
          const w = COL_W - 2 * GAP - 2 * PAD
          const ih = Math.min(80, (img.height / img.width) * w)
          ctx.drawImage(img, x + PAD, ty, w, ih)
          ty += 88
        }
        ctx.fillStyle = '#1a202c'
        ctx.font = `13px ${FONT}`
        lines.forEach((line, li2) => ctx.fillText(line, x + PAD, ty + li2 * LINE))
        y += h + GAP
      }
    })
  }
  ctx.fillStyle = '#718096'
  ctx.font = `11px ${FONT}`
  ctx.fillText(t('journey.export.footer', { date: fmt.dateTime(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone) }), M, L.height - M + 10)
  return canvas
}

export async function renderMapPng(doc: JourneyDoc, o: PngOptions): Promise<Blob> {
  const canvas = await renderMapCanvas(doc, o)
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'))
}

