import { useRef, type KeyboardEvent, type PointerEvent } from 'react'
import { EMOTION_MAX, EMOTION_MIN, type EmotionPoint, type Lane, type Step } from '../../../../../src-shared/domain/journeys/model'
import { useI18n } from '../../../i18n/I18nProvider'
import { useMapEditing } from './mapContext'

export const CURVE_HEIGHT = 168
const PAD = 18

/** y of an emotion value inside the lane (top = very positive). */
export const emotionY = (value: number, height = CURVE_HEIGHT, pad = PAD) => pad + ((EMOTION_MAX - value) / (EMOTION_MAX - EMOTION_MIN)) * (height - 2 * pad)

/** A smooth line through the points (Catmull–Rom turned into cubic Béziers), as an SVG path. */
export function smoothPath(points: readonly { x: number; y: number }[]): string {
  if (points.length === 0) return ''
  if (points.length === 1) return `M${points[0].x},${points[0].y}`
  let d = `M${points[0].x},${points[0].y}`
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i - 1] ?? points[i]
    const p1 = points[i]
    const p2 = points[i + 1]
    const p3 = points[i + 2] ?? p2
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 }
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 }
    d += ` C${c1.x},${c1.y} ${c2.x},${c2.y} ${p2.x},${p2.y}`
  }
  return d
}

const KEY_STEPS: Record<string, number> = { ArrowUp: 10, ArrowRight: 10, ArrowDown: -10, ArrowLeft: -10, PageUp: 50, PageDown: -50 }

/**
 * The emotion lane: the team's imagined curve, one draggable point per step (pointer or arrow
 * keys), and beside it the curve the customers' scores suggest and, when comparing, the other
 * version's curve.
 */
export function EmotionCurve({
  lane,
  steps,
  columnWidth,
  points,
  actual,
  other,
}: {
  lane: Lane
  steps: readonly Step[]
  columnWidth: number
  points: readonly EmotionPoint[]
  actual: Map<string, { value: number; n: number }> | null
  other: readonly EmotionPoint[] | null
}) {
  const { t, fmt } = useI18n()
  const editing = useMapEditing()
  const svg = useRef<SVGSVGElement>(null)
  const width = steps.length * columnWidth
  const byStep = new Map(points.filter((p) => p.laneId === lane.id).map((p) => [p.stepId, p.value]))
  const x = (i: number) => (i + 0.5) * columnWidth
  const line = (values: Map<string, number>) => smoothPath(steps.flatMap((s, i) => (values.has(s.id) ? [{ x: x(i), y: emotionY(values.get(s.id) as number) }] : [])))
  const otherByStep = other ? new Map(other.filter((p) => p.laneId === lane.id).map((p) => [p.stepId, p.value])) : null
  const actualByStep = actual ? new Map([...actual].map(([k, v]) => [k, v.value])) : null

  const set = (step: Step, value: number | null) =>
    editing?.dispatch({ type: 'setEmotion', laneId: lane.id, stepId: step.id, value: value === null ? null : Math.round(Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, value))) }, { coalesceKey: `emotion:${lane.id}:${step.id}` })

  const valueAt = (clientY: number) => {
    const rect = svg.current?.getBoundingClientRect()
    if (!rect) return 0
    // The map may be zoomed: scale the pointer back to the lane's own units.
    const y = ((clientY - rect.top) / rect.height) * CURVE_HEIGHT
    return EMOTION_MAX - ((y - PAD) / (CURVE_HEIGHT - 2 * PAD)) * (EMOTION_MAX - EMOTION_MIN)
  }

  const startDrag = (step: Step) => (e: PointerEvent<SVGElement>) => {
    if (!editing || e.button !== 0) return
    e.preventDefault()
    e.stopPropagation()
    const target = e.currentTarget
    target.setPointerCapture(e.pointerId)
    set(step, valueAt(e.clientY))
    let frame = 0
    const move = (ev: globalThis.PointerEvent) => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => set(step, valueAt(ev.clientY)))
    }
    const up = () => {
      target.removeEventListener('pointermove', move)
      target.removeEventListener('pointerup', up)
      target.removeEventListener('pointercancel', up)
    }
    target.addEventListener('pointermove', move)
    target.addEventListener('pointerup', up)
    target.addEventListener('pointercancel', up)
  }

  const onKey = (step: Step, value: number | undefined) => (e: KeyboardEvent<SVGElement>) => {
    const delta = KEY_STEPS[e.key]
    let next: number | null | undefined
    if (delta !== undefined) next = (value ?? 0) + delta
    else if (e.key === 'Home') next = EMOTION_MAX
    else if (e.key === 'End') next = EMOTION_MIN
    else if (e.key === 'Delete' || e.key === 'Backspace') next = null
    if (next === undefined) return
    e.preventDefault()
    e.stopPropagation()
    set(step, next)
  }

  const describe = (v: number) =>
    t(v >= 60 ? 'journey.emotion.veryPositive' : v >= 20 ? 'journey.emotion.positive' : v > -20 ? 'journey.emotion.neutral' : v > -60 ? 'journey.emotion.negative' : 'journey.emotion.veryNegative')

  return (
    <svg ref={svg} className="jm-curve" width={width} height={CURVE_HEIGHT} viewBox={`0 0 ${width} ${CURVE_HEIGHT}`} role="group" aria-label={lane.name}>
      <line className="jm-curve-zero" x1={0} x2={width} y1={emotionY(0)} y2={emotionY(0)} />
      {steps.map((s, i) => (
        <rect key={s.id} className="jm-curve-column" x={i * columnWidth} y={0} width={columnWidth} height={CURVE_HEIGHT} onPointerDown={startDrag(s)} />
      ))}
      {otherByStep && <path className="jm-curve-other" d={line(otherByStep)} />}
      {actualByStep && <path className="jm-curve-actual" d={line(actualByStep)} />}
      <path className="jm-curve-line" d={line(byStep)} />
      {actual &&
        steps.map((s, i) => {
          const a = actual.get(s.id)
          return a ? <circle key={s.id} className="jm-curve-actual-point" cx={x(i)} cy={emotionY(a.value)} r={4} /> : null
        })}
      {steps.map((s, i) => {
        const v = byStep.get(s.id)
        const label = `${t('journey.emotion.at', { step: s.name || t('journey.step.unnamed', { n: i + 1 }) })}`
        return (
          <g key={s.id}>
            <circle
              className={v === undefined ? 'jm-curve-point jm-curve-point-empty' : 'jm-curve-point'}
              cx={x(i)}
              cy={emotionY(v ?? 0)}
              r={v === undefined ? 6 : 8}
              tabIndex={editing ? 0 : -1}
              role="slider"
              aria-label={label}
              aria-valuemin={EMOTION_MIN}
              aria-valuemax={EMOTION_MAX}
              aria-valuenow={v ?? 0}
              aria-valuetext={v === undefined ? t('journey.emotion.unset') : `${fmt.signed(v)} – ${describe(v)}`}
              aria-readonly={!editing}
              data-step-id={s.id}
              onPointerDown={startDrag(s)}
              onKeyDown={onKey(s, v)}
            />
            {v !== undefined && (
              <text className="jm-curve-value" x={x(i)} y={emotionY(v) + (v >= 0 ? -12 : 20)} textAnchor="middle">
                {fmt.signed(v)}
              </text>
            )}
          </g>
        )
      })}
    </svg>
  )
}
