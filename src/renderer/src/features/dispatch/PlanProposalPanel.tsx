import { Button, Checkbox, Group, ScrollArea, Text } from '@mantine/core'
import type { Board } from '@shared/domain/dispatch'
import type { PlanProposal } from '@shared/domain/planDay'
import { formatsFor } from '@shared/i18n/format'
import { planReasonText } from '@shared/planner/reasonText'
import { useLanguage, useT } from '../../lib/i18n'
import { PRIORITY_BORDER } from './colors'
import classes from './dispatch.module.css'
import { ghostKey } from './planKeys'
import { SIDE_WIDTH } from './useBoardView'

interface Props {
  board: Board | undefined
  proposal: PlanProposal
  ticked: ReadonlySet<string>
  onTick: (keys: string[], on: boolean) => void
  onApply: () => void
  onDiscard: () => void
  applying: boolean
}

/**
 * Beside the board while a proposal is shown: its totals, each proposed visit with its reasons (ticked ones are
 * applied), the work left with why, and Apply / Discard.
 */
export function PlanProposalPanel({ board, proposal, ticked, onTick, onApply, onDiscard, applying }: Props) {
  const t = useT()
  const f = formatsFor(useLanguage(), board?.timeZone ?? 'Europe/Tallinn')
  const names = new Map((board?.technicians ?? []).map((x) => [x.id, x.name]))
  const { totals } = proposal
  const keys = proposal.ghosts.map(ghostKey)
  const all = keys.length > 0 && keys.every((k) => ticked.has(k))
  return (
    <div className={classes.side} style={{ flexBasis: SIDE_WIDTH }} data-testid="plan-proposal">
      <div style={{ padding: '6px 8px', borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Text fw={600} size="sm">
          {t('planDay.proposal')}
        </Text>
        <Text size="xs" data-testid="plan-totals">
          {t('planDay.totals', {
            planned: totals.planned,
            left: totals.left,
            km: f.number(totals.km, 1),
            hours: f.number(totals.travelMinutes / 60, 1)
          })}{' '}
          ·{' '}
          <Text span size="xs" c={totals.slaRisks > 0 ? 'red' : 'dimmed'}>
            {totals.slaRisks > 0 ? t('planDay.slaRisks', { count: totals.slaRisks }) : t('planDay.noSlaRisks')}
          </Text>
        </Text>
        <Group justify="space-between" mt={6} gap={4} wrap="nowrap">
          <Checkbox
            size="xs"
            label={t('planDay.all')}
            checked={all}
            indeterminate={!all && ticked.size > 0}
            onChange={(e) => onTick(keys, e.currentTarget.checked)}
          />
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="default" onClick={onDiscard}>
              {t('planDay.discard')}
            </Button>
            <Button size="compact-xs" onClick={onApply} disabled={ticked.size === 0} loading={applying} data-testid="plan-apply">
              {t('planDay.apply', { count: ticked.size })}
            </Button>
          </Group>
        </Group>
      </div>
      <ScrollArea style={{ flex: 1 }} type="auto">
        {proposal.ghosts.map((g) => {
          const key = ghostKey(g)
          return (
            <div
              key={key}
              className={classes.planItem}
              style={{ borderLeftColor: PRIORITY_BORDER[g.priority] }}
              data-testid="plan-item"
              data-order={g.orderNumber}
            >
              <Checkbox
                size="xs"
                checked={ticked.has(key)}
                onChange={(e) => onTick([key], e.currentTarget.checked)}
                aria-label={g.orderNumber}
              />
              <div style={{ minWidth: 0 }}>
                <Text size="xs" fw={600} truncate>
                  {g.orderNumber} · {names.get(g.workerId) ?? ''} · {f.time(g.start)}–{f.time(g.end)}
                  {g.assignmentId !== null && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({t('planDay.moved')})
                    </Text>
                  )}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {g.customerName}
                </Text>
                <Text size="xs" data-testid="plan-reason">
                  {planReasonText(t, f, g.reasons, g.start)}
                </Text>
              </div>
            </div>
          )
        })}
        {proposal.left.length > 0 && (
          <>
            <Text size="xs" fw={600} px={8} pt={8}>
              {t('planDay.left')} ({proposal.left.length})
            </Text>
            {proposal.left.map((l) => (
              <Text key={l.orderId} size="xs" px={8} py={2} data-testid="plan-left">
                {l.orderNumber}: {planReasonText(t, f, [l.reason], 0)}
              </Text>
            ))}
          </>
        )}
      </ScrollArea>
    </div>
  )
}
