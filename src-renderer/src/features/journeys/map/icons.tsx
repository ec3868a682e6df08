import type { CardIcon, ChannelKind, LaneType } from '../../../../../src-shared/domain/journeys/model'

/** Small line icons drawn as SVG paths (24 × 24), so they look the same on every machine without an icon font. */
const paths: Record<ChannelKind | Exclude<CardIcon, 'none'> | LaneType, string> = {
  store: 'M3 10h18M5 10v10h14V10M4 10l2-6h12l2 6M9 20v-5h6v5',
  web: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18',
  app: 'M7 3h10v18H7zM11 18h2',
  social: 'M7 12a3 3 0 1 0 0-.01M17 6a3 3 0 1 0 0-.01M17 18a3 3 0 1 0 0-.01M9.7 10.6l4.6-3M9.7 13.4l4.6 3',
  chat: 'M4 5h16v11H9l-5 4z',
  phone: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2',
  email: 'M3 6h18v12H3zM3 6l9 7 9-7',
  delivery: 'M3 7h11v9H3zM14 10h4l3 3v3h-7M7 19a2 2 0 1 0 0-.01M17 19a2 2 0 1 0 0-.01',
  event: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  print: 'M6 3h9l3 3v15H6zM9 10h6M9 14h6M9 18h4',
  other: 'M12 5v.01M12 12v.01M12 19v.01',
  star: 'M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1L3.2 9.5l6.1-.9z',
  alert: 'M12 3l10 18H2zM12 10v5M12 18v.01',
  idea: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3',
  heart: 'M12 20s-8-5-8-11a4.5 4.5 0 0 1 8-2.8A4.5 4.5 0 0 1 20 9c0 6-8 11-8 11z',
  flag: 'M5 21V4M5 4h12l-2 4 2 4H5',
  clock: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 2',
  money: 'M3 7h18v10H3zM12 9.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5',
  person: 'M12 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8M4 21a8 8 0 0 1 16 0',
  check: 'M4 12l5 5L20 6',
  question: 'M9 9a3 3 0 1 1 4 2.8c-.7.3-1 .9-1 1.7V15M12 18v.01',
  actions: 'M5 12h12M13 6l6 6-6 6',
  thoughts: 'M5 10a7 5 0 1 0 14 0 7 5 0 1 0-14 0M7 17l-2 3',
  questions: 'M9 9a3 3 0 1 1 4 2.8c-.7.3-1 .9-1 1.7V15M12 18v.01',
  touchpoints: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8',
  emotion: 'M3 15c3-6 5-6 8 0s5 6 10-6',
  pains: 'M12 3l10 18H2zM12 10v5M12 18v.01',
  ideas: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3',
  owners: 'M8 7a3 3 0 1 0 0 .01M16 7a3 3 0 1 0 0 .01M2 20a6 6 0 0 1 12 0M10 20a6 6 0 0 1 12 0',
  kpis: 'M4 20V10M10 20V4M16 20v-8M22 20H2',
  images: 'M3 5h18v14H3zM3 16l5-5 4 4 3-3 6 6M15 9v.01',
  scores: 'M3 17a9 9 0 1 1 18 0zM12 17l4-6M7 13.5v.01M17 13.5v.01',
}

export function Icon({ name, size = 16, className }: { name: keyof typeof paths; size?: number; className?: string }) {
  return (
    <svg className={`jm-icon${className ? ` ${className}` : ''}`} width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

/** The same paths for the PNG export, which draws on a canvas. */
export const iconPath = (name: keyof typeof paths): string => paths[name]
