import { Paper, Text, UnstyledButton } from '@mantine/core'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import classes from './home.module.css'

interface FigureProps {
  label: string
  value: string
  /** A line under the value (e.g. "12 of 40 orders"). */
  detail?: ReactNode
  /** What the figure counts, in the tooltip. */
  hint?: string
  /** The filtered screen the figure is read from. */
  to?: string
  testId: string
  tone?: 'alert' | 'plain'
}

/** One figure of a home page: a label, the number, and (when it counts rows of a screen) a link to that screen. */
export function Figure({ label, value, detail, hint, to, testId, tone = 'plain' }: FigureProps) {
  const body = (
    <Paper withBorder p="xs" px="sm" className={to ? classes.linked : undefined} title={hint}>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {label}
      </Text>
      <Text fw={650} fz={22} lh={1.2} c={tone === 'alert' && value !== '0' ? 'red.7' : undefined} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {detail !== undefined && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {detail}
        </Text>
      )}
    </Paper>
  )
  if (!to) return <div data-testid={testId}>{body}</div>
  return (
    <UnstyledButton component={Link} to={to} data-testid={testId} aria-label={`${label}: ${value}`}>
      {body}
    </UnstyledButton>
  )
}
