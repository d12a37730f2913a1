import { Paper, Text } from '@mantine/core'
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useFormat } from '../../lib/i18n'

/** One series of a chart: a bar (bars with the same `stack` are stacked) or a line. */
export interface Series {
  key: string
  name: string
  color: string
  as: 'bar' | 'line'
  stack?: string
}

/**
 * A chart of the revenue page: months along the axis, amounts in euros (the rows carry cents as euros), bars and
 * lines as given. The caption is shown above it and is its accessible name.
 */
export function RevenueChart({
  testId,
  caption,
  label,
  data,
  series
}: {
  testId: string
  caption?: string
  label: string
  data: Record<string, string | number>[]
  series: Series[]
}) {
  const f = useFormat()
  const euros = (v: unknown) => f.money(Math.round(Number(v) * 100))
  return (
    <Paper withBorder p="sm" h={300} data-testid={testId} role="img" aria-label={label}>
      {caption && (
        <Text size="xs" c="dimmed" mb={2}>
          {caption}
        </Text>
      )}
      <ResponsiveContainer width="100%" height={caption ? '92%' : '100%'}>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" fontSize={11} />
          <YAxis fontSize={11} tickFormatter={(v: number) => f.number(v, 0)} />
          <Tooltip formatter={euros} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) =>
            s.as === 'bar' ? (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} stackId={s.stack} isAnimationActive={false} />
            ) : (
              <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.color} dot={false} isAnimationActive={false} />
            )
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </Paper>
  )
}
