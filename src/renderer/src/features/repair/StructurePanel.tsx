import { ActionIcon, Badge, Button, Grid, Group, Menu, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconArrowsMove, IconBarcode, IconDots, IconPlus, IconTransfer, IconTrash } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { DateField } from '../../components/DateField'
import { EntitySelect } from '../../components/EntitySelect'
import { call } from '../../lib/api'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { useTimeZone } from '../../lib/settings'
import type { StructureComponentRow } from '@shared/domain/repair'
import { dateOf } from '@shared/time'
import { ComponentDialog } from './ComponentDialog'
import { TransferStructureDialog } from './TransferStructureDialog'
import { structureQuery, useRepairAction } from './queries'

/**
 * A service object's structure (service BOM) as a tree, as it is now or as it was on a chosen date, with the
 * differences between two dates and every change in order (with the earlier changes of components moved here
 * from another object, marked). Office users attach a template and add or remove
 * components here; parts are replaced from the repair lines of an order.
 */
export function StructurePanel({ serviceObjectId }: { serviceObjectId: number }) {
  const t = useT()
  const f = useFormat()
  const timeZone = useTimeZone()
  const { can } = useSession()
  const editable = can('serviceObjects.write')
  const [asOf, setAsOf] = useState<string | null>(null)
  const [range, setRange] = useState<{ from: string | null; to: string | null }>({ from: null, to: null })
  const [templateId, setTemplateId] = useState<number | null>(null)
  const [draft, setDraft] = useState<{ parentId: number | null; itemId: number | null; position: string; serial: string }>({
    parentId: null,
    itemId: null,
    position: '',
    serial: ''
  })
  // The previous date's tree stays until the new one arrives, rather than flashing "no components".
  const structure = useQuery({ ...structureQuery(serviceObjectId, asOf), placeholderData: keepPreviousData })
  const history = useQuery({
    queryKey: ['structure', serviceObjectId, 'history'],
    queryFn: () => call('structures.history', { serviceObjectId })
  })
  const diff = useQuery({
    queryKey: ['structure', serviceObjectId, 'diff', range],
    queryFn: () => call('structures.diff', { serviceObjectId, from: range.from!, to: range.to! }),
    placeholderData: keepPreviousData,
    enabled: range.from !== null && range.to !== null
  })
  const attach = useRepairAction('structures.attach')
  const add = useRepairAction('structures.add', () => setDraft({ parentId: null, itemId: null, position: '', serial: '' }))
  const remove = useRepairAction('structures.remove')
  const [transferring, setTransferring] = useState(false)
  const [editing, setEditing] = useState<{ mode: 'serial' | 'move'; component: StructureComponentRow } | null>(null)
  const s = structure.data
  const components = s?.components ?? []
  const live = asOf === null

  return (
    <Stack gap="sm">
      <Paper withBorder p="md" data-testid="structure">
        <Group justify="space-between" mb="xs" align="end">
          <Group gap="xs">
            <Title order={5}>{t('repair.structure.title')}</Title>
            {s?.templateNumber && <Badge variant="light">{t('repair.structure.fromTemplate', { number: s.templateNumber })}</Badge>}
          </Group>
          <Group gap="xs" align="end">
            {editable && live && components.length > 0 && (
              <Button size="xs" variant="default" leftSection={<IconTransfer size={14} />} onClick={() => setTransferring(true)}>
                {t('repair.structure.transfer')}
              </Button>
            )}
            <DateField
              label={t('repair.structure.asOf')}
              placeholder={t('repair.structure.now')}
              value={asOf}
              onChange={setAsOf}
              w={170}
              size="xs"
              data-testid="structure-as-of"
            />
          </Group>
        </Group>
        {components.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('repair.structure.empty')}
          </Text>
        ) : (
          <Table fz="sm" verticalSpacing={3} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('repair.structure.position')}</Table.Th>
                <Table.Th>{t('repair.structure.item')}</Table.Th>
                <Table.Th ta="right">{t('repair.structure.quantity')}</Table.Th>
                <Table.Th>{t('repair.structure.serial')}</Table.Th>
                {editable && live && <Table.Th w={40} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {components.map((c) => (
                <Table.Tr key={c.id} data-testid={`component-${c.position}`}>
                  <Table.Td style={{ paddingLeft: 8 + c.depth * 20 }}>{c.position}</Table.Td>
                  <Table.Td>
                    {c.itemNumber} {c.itemName}
                  </Table.Td>
                  <Table.Td ta="right">
                    {f.quantity(c.quantity)} {c.unit}
                  </Table.Td>
                  <Table.Td ff="monospace">{c.serial}</Table.Td>
                  {editable && live && (
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon
                            variant="subtle"
                            size="sm"
                            aria-label={t('repair.structure.actions')}
                            data-testid={`component-menu-${c.position}`}
                          >
                            <IconDots size={14} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconBarcode size={14} />} onClick={() => setEditing({ mode: 'serial', component: c })}>
                            {t('repair.structure.setSerial')}
                          </Menu.Item>
                          <Menu.Item leftSection={<IconArrowsMove size={14} />} onClick={() => setEditing({ mode: 'move', component: c })}>
                            {t('repair.structure.move')}
                          </Menu.Item>
                          <Menu.Item
                            color="red"
                            leftSection={<IconTrash size={14} />}
                            onClick={() => remove.mutate({ id: c.id, version: c.version, note: '' })}
                          >
                            {t('repair.structure.remove')}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {editable && live && s && (
          <Stack gap="xs" mt="sm">
            {components.length === 0 && s.templateId === null && (
              <Group gap="xs" align="end">
                <EntitySelect
                  label={t('repair.structure.attach')}
                  list="bomTemplates.list"
                  labelOf={(b) => `${b.number} · ${b.name}`}
                  value={templateId}
                  onChange={setTemplateId}
                  size="xs"
                  w={320}
                />
                <Button
                  size="xs"
                  disabled={templateId === null}
                  loading={attach.isPending}
                  onClick={() => attach.mutate({ serviceObjectId, templateId: templateId! })}
                >
                  {t('repair.structure.attachButton')}
                </Button>
              </Group>
            )}
            <Grid gap="xs" align="end">
              <Grid.Col span={3}>
                <TextInput
                  size="xs"
                  label={t('repair.structure.position')}
                  value={draft.position}
                  onChange={(e) => setDraft({ ...draft, position: e.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={4}>
                <EntitySelect
                  size="xs"
                  label={t('repair.structure.item')}
                  list="items.list"
                  labelOf={(i) => `${i.number} ${i.name}`}
                  value={draft.itemId}
                  onChange={(id) => setDraft({ ...draft, itemId: id })}
                />
              </Grid.Col>
              <Grid.Col span={2}>
                <TextInput
                  size="xs"
                  label={t('repair.structure.serial')}
                  value={draft.serial}
                  onChange={(e) => setDraft({ ...draft, serial: e.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={3}>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  disabled={draft.itemId === null}
                  loading={add.isPending}
                  onClick={() => add.mutate({ serviceObjectId, ...draft, itemId: draft.itemId!, note: '' })}
                >
                  {t('repair.structure.add')}
                </Button>
              </Grid.Col>
            </Grid>
          </Stack>
        )}
      </Paper>
      {transferring && <TransferStructureDialog serviceObjectId={serviceObjectId} onClose={() => setTransferring(false)} />}
      {editing && (
        <ComponentDialog mode={editing.mode} component={editing.component} components={components} onClose={() => setEditing(null)} />
      )}

      <Paper withBorder p="md" data-testid="structure-diff">
        <Group justify="space-between" mb="xs" align="end">
          <Title order={5}>{t('repair.structure.compare')}</Title>
          <Group gap="xs">
            <DateField
              size="xs"
              w={150}
              label={t('repair.structure.from')}
              value={range.from}
              onChange={(d) => setRange({ ...range, from: d })}
            />
            <DateField
              size="xs"
              w={150}
              label={t('repair.structure.to')}
              value={range.to}
              onChange={(d) => setRange({ ...range, to: d })}
            />
          </Group>
        </Group>
        {diff.data && diff.data.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('repair.structure.noDifferences')}
          </Text>
        )}
        {diff.data && diff.data.length > 0 && (
          <Table fz="sm" verticalSpacing={3}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('repair.structure.position')}</Table.Th>
                <Table.Th>{t('repair.structure.what')}</Table.Th>
                <Table.Th>{t('repair.structure.before')}</Table.Th>
                <Table.Th>{t('repair.structure.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {diff.data.map((d) => (
                <Table.Tr key={d.componentId}>
                  <Table.Td>{d.position}</Table.Td>
                  <Table.Td>{t(`repair.structure.change.${d.change}`)}</Table.Td>
                  <Table.Td>{d.itemBefore === null ? t('common.none') : `${d.itemBefore} ${d.serialBefore}`}</Table.Td>
                  <Table.Td>{d.itemAfter === null ? t('common.none') : `${d.itemAfter} ${d.serialAfter}`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      <Paper withBorder p="md" data-testid="structure-history">
        <Title order={5} mb="xs">
          {t('repair.structure.history')}
        </Title>
        {(history.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('repair.structure.noHistory')}
          </Text>
        ) : (
          <Table fz="sm" verticalSpacing={3} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('repair.structure.when')}</Table.Th>
                <Table.Th>{t('repair.structure.what')}</Table.Th>
                <Table.Th>{t('repair.structure.position')}</Table.Th>
                <Table.Th>{t('repair.structure.item')}</Table.Th>
                <Table.Th>{t('repair.structure.serial')}</Table.Th>
                <Table.Th>{t('repair.structure.order')}</Table.Th>
                <Table.Th>{t('repair.structure.who')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...(history.data ?? [])].reverse().map((h) => (
                <Table.Tr key={h.id} c={h.formerObjectNumber ? 'dimmed' : undefined}>
                  <Table.Td>
                    {f.dateTime(h.at)}
                    {h.formerObjectNumber && (
                      <Badge ml={6} size="xs" variant="light" color="gray" data-testid="former-object">
                        {t('repair.structure.formerly', {
                          object: h.formerObjectNumber,
                          date: f.date(dateOf(h.formerUntil!, timeZone))
                        })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`repair.structure.kind.${h.kind}`)}</Table.Td>
                  <Table.Td>{h.position}</Table.Td>
                  <Table.Td>{h.oldItemName && h.oldItemName !== h.itemName ? `${h.oldItemName} → ${h.itemName}` : h.itemName}</Table.Td>
                  <Table.Td ff="monospace">{h.oldSerial && h.oldSerial !== h.serial ? `${h.oldSerial} → ${h.serial}` : h.serial}</Table.Td>
                  <Table.Td>{h.orderNumber ?? t('common.none')}</Table.Td>
                  <Table.Td>{h.userName ?? t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  )
}
