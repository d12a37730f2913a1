import { ActionIcon, Alert, Badge, Button, Grid, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { ListPage } from '../../components/ListPage'
import { useSession } from '../../lib/session'
import { stagesQuery } from '../orders/queries'
import { STAGE_FLAGS, stageTree } from './flags'

/** The service order workflow (a tree of stages) and the reason codes asked for on stage changes. */
export function StagesPage() {
  const { can } = useSession()
  const navigate = useNavigate()
  const stages = useQuery(stagesQuery)
  const tree = stageTree(stages.data?.rows ?? [])
  const write = can('stages.configure')

  return (
    <Stack gap="sm" maw={1300}>
      <Title order={3}>Order stages</Title>
      <Grid gap="md">
        <Grid.Col span={7}>
          <Paper withBorder p="sm">
            <Group justify="space-between" mb="xs">
              <div>
                <Text fw={600} size="sm">
                  Workflow
                </Text>
                <Text size="xs" c="dimmed">
                  New orders start in the top stage. &ldquo;Next stage&rdquo; offers a stage&apos;s children, &ldquo;Previous stage&rdquo;
                  its parent.
                </Text>
              </div>
              {write && (
                <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => navigate('/stages/new')}>
                  New stage
                </Button>
              )}
            </Group>
            {stages.isError && <Alert color="red">{(stages.error as Error).message}</Alert>}
            <Table verticalSpacing={4} fz="sm" highlightOnHover data-testid="stage-tree">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Stage</Table.Th>
                  <Table.Th>Rules</Table.Th>
                  <Table.Th w={70} style={{ textAlign: 'right' }}>
                    Orders
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
                            └
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
                            initial
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {STAGE_FLAGS.map((f) =>
                          (f.key === 'canModify' ? !s[f.key] : s[f.key]) ? (
                            <Tooltip key={f.key} label={f.key === 'canModify' ? 'No changes allowed in this stage' : f.explain}>
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
                                {f.key === 'canModify' ? 'locked' : f.short}
                              </Badge>
                            </Tooltip>
                          ) : null
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{s.orderCount}</Table.Td>
                    <Table.Td>
                      {write && (
                        <Tooltip label={`Add a stage after ${s.name}`}>
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            aria-label={`Add a stage after ${s.name}`}
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
        </Grid.Col>
        <Grid.Col span={5}>
          <Paper withBorder p="sm">
            <Text fw={600} size="sm">
              Reason codes
            </Text>
            <Text size="xs" c="dimmed" mb="xs">
              Offered when an order changes stage; required where the stage says so.
            </Text>
            <ListPage
              embedded
              title="Reason codes"
              method="stageReasons.list"
              defaultSort="code"
              exportName="stage-reasons"
              searchPlaceholder="Code or name"
              newPath={write ? '/stage-reasons/new' : undefined}
              newLabel="New reason"
              rowPath={(r) => `/stage-reasons/${r.id}`}
              columns={[
                { key: 'code', label: 'Code', sort: 'code', width: 120 },
                { key: 'name', label: 'Name', sort: 'name' }
              ]}
            />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
