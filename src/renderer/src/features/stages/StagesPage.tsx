import { ActionIcon, Alert, Badge, Button, Grid, Group, Paper, Space, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { ListPage } from '../../components/ListPage'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { stagesQuery } from '../orders/queries'
import { STAGE_FLAGS, stageTree } from './flags'
import { LifecyclePanel } from './LifecyclePanel'

/** The tree's branch mark before a child stage (a drawing, not a word). */
const TREE_BRANCH = '└'

/** The service order workflow (a tree of stages) and the reason codes asked for on stage changes. */
export function StagesPage() {
  const t = useT()
  const { can } = useSession()
  const navigate = useNavigate()
  const stages = useQuery(stagesQuery)
  const tree = stageTree(stages.data?.rows ?? [])
  const write = can('stages.configure')

  return (
    <Stack gap="sm" maw={1300}>
      <Title order={3}>{t('settings.stages.title')}</Title>
      <Grid gap="md">
        <Grid.Col span={7}>
          <Paper withBorder p="sm">
            <Group justify="space-between" mb="xs">
              <div>
                <Text fw={600} size="sm">
                  {t('settings.stages.workflow')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('settings.stages.workflowHint')}
                </Text>
              </div>
              {write && (
                <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => navigate('/stages/new')}>
                  {t('settings.stages.newStage')}
                </Button>
              )}
            </Group>
            {stages.isError && <Alert color="red">{(stages.error as Error).message}</Alert>}
            <Table verticalSpacing={4} fz="sm" highlightOnHover data-testid="stage-tree">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.stages.stage')}</Table.Th>
                  <Table.Th>{t('settings.stages.rules')}</Table.Th>
                  <Table.Th w={70} style={{ textAlign: 'right' }}>
                    {t('settings.stages.orders')}
                  </Table.Th>
                  <Table.Th w={36} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tree.map(({ stage: s, depth }) => (
                  <Table.Tr
                    key={s.id}
                    style={{ cursor: 'pointer' }}
                    tabIndex={0}
                    onClick={() => navigate(`/stages/${s.id}`)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') void navigate(`/stages/${s.id}`)
                    }}
                  >
                    <Table.Td>
                      <Group gap={6} wrap="nowrap" pl={depth * 22}>
                        {depth > 0 && (
                          <Text c="dimmed" size="sm" aria-hidden>
                            {TREE_BRANCH}
                          </Text>
                        )}
                        <Text size="sm" fw={500}>
                          {s.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {s.code}
                        </Text>
                        {s.parentId === null && (
                          <Badge size="xs" variant="light">
                            {t('settings.stages.initial')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {STAGE_FLAGS.map((f) =>
                          (f.key === 'canModify' ? !s[f.key] : s[f.key]) ? (
                            <Tooltip key={f.key} label={f.key === 'canModify' ? t('settings.stages.noChanges') : f.explain(t)}>
                              <Badge
                                size="xs"
                                variant="light"
                                color={
                                  f.key === 'canModify'
                                    ? 'gray'
                                    : f.key === 'reasonRequired' || f.key === 'stopsSlaClock'
                                      ? 'orange'
                                      : 'teal'
                                }
                              >
                                {f.key === 'canModify' ? t('settings.stages.locked') : f.short(t)}
                              </Badge>
                            </Tooltip>
                          ) : null
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{s.orderCount}</Table.Td>
                    <Table.Td>
                      {write && (
                        <Tooltip label={t('settings.stages.addAfter', { name: s.name })}>
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            aria-label={t('settings.stages.addAfter', { name: s.name })}
                            onClick={(e) => {
                              e.stopPropagation()
                              void navigate(`/stages/new?parentId=${s.id}`)
                            }}
                          >
                            <IconPlus size={14} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Space h="md" />
          <LifecyclePanel stages={stages.data?.rows ?? []} readOnly={!write} />
        </Grid.Col>
        <Grid.Col span={5}>
          <Paper withBorder p="sm">
            <Text fw={600} size="sm">
              {t('settings.stages.reasonCodes')}
            </Text>
            <Text size="xs" c="dimmed" mb="xs">
              {t('settings.stages.reasonCodesHint')}
            </Text>
            <ListPage
              embedded
              title={t('settings.stages.reasonCodes')}
              method="stageReasons.list"
              defaultSort="code"
              exportName="stage-reasons"
              searchPlaceholder={t('settings.stages.codeOrName')}
              newPath={write ? '/stage-reasons/new' : undefined}
              newLabel={t('settings.stages.newReason')}
              rowPath={(r) => `/stage-reasons/${r.id}`}
              columns={[
                { key: 'code', label: t('settings.stages.code'), sort: 'code', width: 120 },
                { key: 'name', label: t('settings.stages.name'), sort: 'name' }
              ]}
            />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
