import type { Priority } from '@shared/domain/orders'

/** Left border of a card: the order's priority, the first thing a dispatcher scans for. */
export const PRIORITY_BORDER: Record<Priority, string> = {
  high: 'var(--mantine-color-red-6)',
  normal: 'var(--mantine-color-blue-5)',
  low: 'var(--mantine-color-gray-5)'
}

/*
 * The map draws with SVG attributes, which take no CSS variables: the same Mantine colours as hex.
 * Priority fills match the cards' borders above.
 */
export const PRIORITY_FILL: Record<Priority, string> = {
  high: '#fa5252',
  normal: '#339af0',
  low: '#adb5bd'
}

/** The ring of a pin whose SLA is breached or at risk (the badge colours). */
export const SLA_RING = { breached: '#a51111', atRisk: '#fd7e14' } as const

/**
 * Technicians' colours on the map, in their board order: distinct hues, none of them the red of a breach or a
 * conflict, dark enough to read on a plain background and on map tiles.
 */
export const TECHNICIAN_COLOURS: readonly string[] = [
  '#1c7ed6',
  '#0ca678',
  '#ae3ec9',
  '#f76707',
  '#1098ad',
  '#d6336c',
  '#5f3dc4',
  '#74b816',
  '#e67700',
  '#364fc7',
  '#087f5b',
  '#862e9c'
]
