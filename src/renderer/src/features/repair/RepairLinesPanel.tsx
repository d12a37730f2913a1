import { ActionIcon, Badge, Button, Group, Paper, Table, Text, Title, Tooltip } from '@mantine/core'
import { IconPlus, IconReplace, IconTrash } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { OrderRow } from '@shared/domain/orders'
import type { RepairLineRow } from '@shared/domain/repair'
import { useFormat, useT } from '../../lib/i18n'
import { linesQuery, useRepairAction } from './queries'
import { RepairLineDialog } from './RepairLineDialog'
import { ReplacePartDialog } from './ReplacePartDialog'

/** The repair lines of an order, one per step of a repair; editable while the order's stage allows it. */
export function RepairLinesPanel({ order, editable }: { order: OrderRow; editable: boolean }) {
  const t = useT()
  const f = useFormat()
  const lines = useQuery(linesQuery(order.id))
  const [editing, setEditing] = useState<RepairLineRow | 'new' | null>(null)
  const [replacing, setReplacing] = useState<RepairLineRow | null>(null)
  const remove = useRepairAction('repairLines.delete')
  const rows = lines.data ?? []
  const pair = (a: string | null, b: string | null) => [a, b].filter(Boolean).join(' › ')

  return (
    <Paper withBorder p="md" data-testid="repair-lines">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('repair.lines.title')}</Title>
        {editable && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="repair-add">
            {t('repair.lines.add')}
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('repair.lines.none')}
        </Text>
      ) : (
        <Table striped highlightOnHover fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>{t('repair.lines.no')}</Table.Th>
              <Table.Th>{t('repair.lines.object')}</Table.Th>
              <Table.Th>{t('repair.kinds.symptomCode')}</Table.Th>
              <Table.Th>{t('repair.kinds.diagnosisCode')}</Table.Th>
              <Table.Th>{t('repair.kinds.resolution')}</Table.Th>
              <Table.Th>{t('repair.kinds.stage')}</Table.Th>
              <Table.Th>{t('repair.lines.technician')}</Table.Th>
              <Table.Th>{t('repair.lines.finishedAt')}</Table.Th>
              {editable && <Table.Th w={70} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((l) => (
              <Table.Tr
                key={l.id}
                style={{ cursor: editable ? 'pointer' : undefined }}
                onClick={editable ? () => setEditing(l) : undefined}
                data-testid={`repair-line-${l.lineNo}`}
              >
                <Table.Td>{l.lineNo}</Table.Td>
                <Table.Td>{l.objectName}</Table.Td>
                <Table.Td>
                  {pair(l.symptomAreaName, l.symptomCodeName) || t('common.none')}
                  {l.repeatOfOrderNumber && (
                    <Badge ml={6} size="xs" color="orange" variant="light" data-testid="repeat-badge">
                      {t('repair.lines.repeatOf', { order: l.repeatOfOrderNumber })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{pair(l.diagnosisAreaName, l.diagnosisCodeName) || t('common.none')}</Table.Td>
                <Table.Td>{l.resolutionName ?? t('common.none')}</Table.Td>
                <Table.Td>{l.stageName ?? t('common.none')}</Table.Td>
                <Table.Td>{l.workerName ?? t('common.none')}</Table.Td>
                <Table.Td>{l.finishedAt === null ? t('common.none') : f.dateTime(l.finishedAt)}</Table.Td>
                {editable && (
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    <Group gap={2} wrap="nowrap">
                      <Tooltip label={t('repair.replace.button')}>
                        <ActionIcon variant="subtle" size="sm" onClick={() => setReplacing(l)} data-testid={`repair-replace-${l.lineNo}`}>
                          <IconReplace size={14} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('common.delete')}>
                        <ActionIcon variant="subtle" color="red" size="sm" onClick={() => remove.mutate({ id: l.id, version: l.version })}>
                          <IconTrash size={14} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <RepairLineDialog order={order} line={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {replacing && <ReplacePartDialog line={replacing} onClose={() => setReplacing(null)} />}
    </Paper>
  )
}
