import type { Figure } from '../../../../../src-shared/api/metrics'
import { cardsByCell, cellKey, orderedSteps, stepsOf } from '../../../../../src-shared/domain/journeys/grid'
import type { Card, JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import type { Locale } from '../../../../../src-shared/domain/locales'
import type { Translate } from '../../../../../src-shared/i18n/translate'
import type { Formatters } from '../../../i18n/format'
import { CURVE_HEIGHT, emotionY, smoothPath } from '../map/EmotionCurve'
import { plainText } from '../map/FormattedText'
import { iconPath } from '../map/icons'
import { cardPalette, heatPalette, stagePalette } from '../map/palette'
import { actualEmotions, figureForCard, heatOf } from '../scores/liveScores'

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

/** Breaks text into lines that fit, at the word boundaries of the language (Thai has no spaces). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, locale: Locale): string[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' })
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const { segment } of segmenter.segment(paragraph)) {
      const next = line + segment
      if (ctx.measureText(next).width <= width || !line) line = next
      else {
        lines.push(line.trimEnd())
        line = segment.trimStart()
      }
    }
    lines.push(line)
  }
  return lines.filter((l, i) => l || i < lines.length - 1)
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
    if (lane.type === 'emotion') h = CURVE_HEIGHT
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
  headerLines.forEach((line, i) => ctx.fillText(line.slice(0, 240), M, M + 34 + i * 20))

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
    ctx.fillText(wrap(ctx, stage.name, n * COL_W - 24, o.locale)[0] ?? '', sx + 12, headTop + 8)
    sx += n * COL_W
  }
  if (L.stepRow) {
    ctx.font = `12px ${FONT}`
    ctx.fillStyle = '#4a5361'
    steps.forEach((s, i) => ctx.fillText(s.name.slice(0, 40), x0 + i * COL_W + 10, headTop + 40))
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
    wrap(ctx, lane.name, LANE_W - 40, o.locale).slice(0, 3).forEach((line, i) => ctx.fillText(line, M + 28, row.top + 10 + i * LINE))

    if (lane.type === 'emotion') {
      ctx.save()
      ctx.translate(x0, row.top)
      ctx.strokeStyle = '#cbd5e0'
      ctx.setLineDash([4, 4])
      ctx.beginPath()
      ctx.moveTo(0, emotionY(0))
      ctx.lineTo(steps.length * COL_W, emotionY(0))
      ctx.stroke()
      ctx.setLineDash([])
      const curve = (values: Map<string, number>, color: string, dash: number[]) => {
        const pts = steps.flatMap((s, i) => (values.has(s.id) ? [{ x: (i + 0.5) * COL_W, y: emotionY(values.get(s.id) as number) }] : []))
        ctx.strokeStyle = color
        ctx.lineWidth = 3
        ctx.setLineDash(dash)
        ctx.stroke(new Path2D(smoothPath(pts)))
        ctx.setLineDash([])
        ctx.fillStyle = color
        for (const p of pts) {
          ctx.beginPath()
          ctx.arc(p.x, p.y, 5, 0, Math.PI * 2)
          ctx.fill()
        }
      }
      if (o.actualCurve && o.scores) {
        const actual = actualEmotions(steps.map((s) => s.id), touchpointCards, o.scores.current, metric)
        curve(new Map([...actual].map(([k, v]) => [k, v.value])), '#b7791f', [6, 5])
      }
      curve(new Map(doc.emotions.filter((e) => e.laneId === lane.id).map((e) => [e.stepId, e.value])), '#2b6cb0', [])
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
          ctx.fillText((plainText(c.text) || '').slice(0, 32), x + 8, y + 5)
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
            ctx.fillText(`${t(`metric.${metric}`)} ${metric === 'nps' ? fmt.signed(f.value) : fmt.number(f.value, 1)}`, x + PAD + 44, ty + 1)
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

