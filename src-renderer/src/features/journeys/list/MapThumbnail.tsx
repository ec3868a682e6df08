import type { MapOutline } from '../../../../../src-shared/domain/journeys/outline'
import { EMOTION_MAX, EMOTION_MIN, type LaneType } from '../../../../../src-shared/domain/journeys/model'
import { smoothPath } from '../map/EmotionCurve'
import { cardPalette, stagePalette } from '../map/palette'

const W = 168
const H = 96
const HEAD = 10
const LANE_H: Record<LaneType, number> = { emotion: 2, scores: 1, actions: 1, thoughts: 1, questions: 1, touchpoints: 1, pains: 1, ideas: 1, owners: 1, kpis: 1, images: 1 }
const CARD_COLOR: Partial<Record<LaneType, string>> = { pains: cardPalette.red.border, ideas: cardPalette.green.border, touchpoints: '#3182ce' }

/**
 * A small drawing of a map for the list: its stages as coloured bands, each lane's cards as
 * blocks in their cells, and the emotion curve. Drawn from the map's outline, so it is always the
 * map as it is now; the accessible name says what it shows in words.
 */
export function MapThumbnail({ outline, label }: { outline: MapOutline; label: string }) {
  const steps = outline.stages.reduce((n, s) => n + s.steps, 0)
  if (steps === 0 || outline.lanes.length === 0)
    return (
      <svg className="jm-thumb" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <rect x="0.5" y="0.5" width={W - 1} height={H - 1} rx="6" fill="#f8fafc" stroke="#e2e8f0" />
      </svg>
    )
  const colW = W / steps
  const units = outline.lanes.reduce((n, l) => n + LANE_H[l.type], 0)
  const unitH = (H - HEAD - 2) / units
  let x = 0
  const bands = outline.stages.map((s, i) => {
    const band = <rect key={i} x={x + 0.5} y={0} width={Math.max(1, s.steps * colW - 1)} height={HEAD - 2} rx="2" fill={stagePalette[s.color]} />
    x += s.steps * colW
    return band
  })
  let y = HEAD
  const rows = outline.lanes.map((lane, li) => {
    const h = LANE_H[lane.type] * unitH
    const top = y
    y += h
    if (lane.type === 'emotion') {
      const pts = outline.emotion.flatMap((v, i) => (v === null ? [] : [{ x: (i + 0.5) * colW, y: top + 2 + ((EMOTION_MAX - v) / (EMOTION_MAX - EMOTION_MIN)) * (h - 4) }]))
      return <path key={li} d={smoothPath(pts)} fill="none" stroke="#2b6cb0" strokeWidth="1.5" />
    }
    const color = CARD_COLOR[lane.type] ?? '#a0aec0'
    return (
      <g key={li}>
        {lane.cards.map((n, i) =>
          Array.from({ length: Math.min(n, 3) }, (_, k) => (
            <rect key={`${i}-${k}`} x={i * colW + 1.5} y={top + 1 + k * (h / 3)} width={Math.max(1, colW - 3)} height={Math.max(1, h / 3 - 1.5)} rx="1" fill={color} opacity={0.75} />
          )),
        )}
      </g>
    )
  })
  return (
    <svg className="jm-thumb" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <rect x="0.5" y="0.5" width={W - 1} height={H - 1} rx="6" fill="#ffffff" stroke="#e2e8f0" />
      {bands}
      {rows}
    </svg>
  )
}
