import { Anchor, Text } from '@mantine/core'
import { IconCalendarRepeat } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { useFormat, useT } from '../../lib/i18n'
import { agreementQuery } from './queries'

interface AgreementLinkProps {
  agreementId: number
  /** The order line's agreement line: the link names its line number and opens the agreement with it marked. */
  agreementLineId?: number | null
  /** The date the agreement line was due (the order line's occurrence date). */
  occurrenceDate?: string | null
  size?: 'xs' | 'sm'
}

/**
 * A link from an order (or an order line) back to the agreement that produced it: "AGR-00001 · line 2",
 * opening the agreement's lines with that line marked.
 */
export function AgreementLink({ agreementId, agreementLineId = null, occurrenceDate = null, size = 'sm' }: AgreementLinkProps) {
  const t = useT()
  const f = useFormat()
  const agreement = useQuery(agreementQuery(agreementId))
  const a = agreement.data
  const line = agreementLineId === null ? undefined : a?.lines.find((l) => l.id === agreementLineId)
  const to = agreementLineId === null ? `/agreements/${agreementId}` : `/agreements/${agreementId}?line=${agreementLineId}`
  const name = a ? a.number : t('agreements.link.agreement', { id: agreementId })
  return (
    <Anchor
      component={Link}
      to={to}
      size={size}
      data-testid="agreement-link"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
    >
      <IconCalendarRepeat size={size === 'xs' ? 12 : 14} />
      {line ? t('agreements.link.line', { name, n: line.lineNo }) : name}
      {occurrenceDate && (
        <Text span size="xs" c="dimmed">
          {t('agreements.link.due', { date: f.date(occurrenceDate) })}
        </Text>
      )}
    </Anchor>
  )
}
