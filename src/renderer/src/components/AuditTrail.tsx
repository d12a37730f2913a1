import { Badge, Code, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { call } from '../lib/api'
import { useFormat, useT } from '../lib/i18n'

const ARROW = '→'

type Json = Record<string, unknown> | null

/** Fields that differ between two versions of a record (the version counter itself is noise). */
export function changedFields(before: Json, after: Json): { field: string; from: unknown; to: unknown }[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  keys.delete('version')
  return [...keys]
    .filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]))
    .map((k) => ({ field: k, from: before?.[k], to: after?.[k] }))
}

const show = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v))

/** Who changed what and when, newest first, with the changed fields side by side. */
export function AuditTrail({ entity, entityId }: { entity: string; entityId: number }) {
  const t = useT()
  const f = useFormat()
  const q = useQuery({ queryKey: ['audit', entity, entityId], queryFn: () => call('audit.forRecord', { entity, entityId }) })
  if (!q.data) return <Text size="sm">{t('common.loading')}</Text>
  if (q.data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('common.audit.none')}
      </Text>
    )
  return (
    <Stack gap="xs" data-testid="audit-trail">
      {q.data.map((e) => {
        const changes = changedFields(e.before as Json, e.after as Json)
        return (
          <Paper withBorder p="xs" key={e.id}>
            <Group gap="xs" mb={4}>
              <Badge size="sm" variant="light" color={e.action === 'delete' ? 'red' : e.action === 'create' ? 'teal' : 'blue'}>
                {t(`common.audit.action.${e.action}`)}
              </Badge>
              <Text size="sm" fw={500}>
                {e.userName ?? t('common.system')}
              </Text>
              <Text size="xs" c="dimmed">
                {f.dateTime(e.at)}
              </Text>
            </Group>
            {e.action === 'update' && (
              <Table fz="xs" verticalSpacing={2} withRowBorders={false}>
                <Table.Tbody>
                  {changes.map((c) => (
                    <Table.Tr key={c.field}>
                      <Table.Td w={160} c="dimmed">
                        {c.field}
                      </Table.Td>
                      <Table.Td>
                        <Code>{show(c.from)}</Code> {ARROW} <Code>{show(c.to)}</Code>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        )
      })}
    </Stack>
  )
}
