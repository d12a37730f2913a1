import { Text } from '@mantine/core'

/** One figure with its label under it, as the preview and the run summary show them. */
export function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <div>
      <Text fw={700} size="lg" c={color}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </div>
  )
}
