import type { Priority } from '@shared/domain/orders'

/** Left border of a card: the order's priority, the first thing a dispatcher scans for. */
export const PRIORITY_BORDER: Record<Priority, string> = {
  high: 'var(--mantine-color-red-6)',
  normal: 'var(--mantine-color-blue-5)',
  low: 'var(--mantine-color-gray-5)'
}
