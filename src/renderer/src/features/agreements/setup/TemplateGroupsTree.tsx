import { Button, Group, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core'
import { IconDownload, IconFolder, IconPlus, IconSearch } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { exportCsv } from '../../../lib/api'
import { today } from '../../../lib/today'
import { showApiError } from '../../../lib/forms'
import { useT } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import { templateGroupsQuery } from '../queries'
import classes from './TemplateGroupsTree.module.css'
import { treeOrder } from './tree'

/** Template groups as a tree (each group under its parent); a few dozen at most, so loaded whole. */
export function TemplateGroupsTree() {
  const t = useT()
  const { can } = useSession()
  const navigate = useNavigate()
  const groups = useQuery(templateGroupsQuery)
  const [q, setQ] = useState('')
  const rows = treeOrder(groups.data?.rows ?? [])
  const needle = q.trim().toLowerCase()
  const matches = (r: { code: string; name: string }) =>
    needle === '' || r.code.toLowerCase().includes(needle) || r.name.toLowerCase().includes(needle)
  const shown = rows.filter(({ row }) => matches(row))
  const [exporting, setExporting] = useState(false)

  const doExport = async () => {
    setExporting(true)
    try {
      await exportCsv('templateGroups.list', { q: q.trim(), page: 1, pageSize: 500, sort: 'code' }, `template-groups-${today()}.csv`)
    } catch (e) {
      showApiError(e)
    } finally {
      setExporting(false)
    }
  }

  return (
    <Stack gap="sm" maw={900}>
      <Group justify="space-between">
        <Title order={3}>{t('agreements.templateGroups.title')}</Title>
        <Group gap="xs">
          <Button variant="default" size="xs" leftSection={<IconDownload size={14} />} loading={exporting} onClick={doExport}>
            {t('common.exportCsv')}
          </Button>
          {can('agreements.configure') && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => navigate('/template-groups/new')}>
              {t('agreements.templateGroups.new')}
            </Button>
          )}
        </Group>
      </Group>
      <Group gap="xs">
        <TextInput
          size="xs"
          w={280}
          placeholder={t('masterdata.field.codeOrName')}
          aria-label={t('agreements.templateGroups.searchAria')}
          leftSection={<IconSearch size={14} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Text size="xs" c="dimmed" ml="auto" data-testid="list-total">
          {t('agreements.templateGroups.count', { count: shown.length })}
        </Text>
      </Group>
      <Paper withBorder p="xs" data-testid="template-tree">
        {shown.length === 0 && !groups.isFetching && (
          <Text size="sm" c="dimmed" ta="center" py="md">
            {q ? t('agreements.templateGroups.nothingMatches') : t('agreements.templateGroups.none')}
          </Text>
        )}
        {shown.map(({ row, depth }) => (
          <UnstyledButton
            key={row.id}
            className={classes.node}
            style={{ paddingLeft: 8 + (needle ? 0 : depth * 22) }}
            onClick={() => navigate(`/template-groups/${row.id}`)}
          >
            <IconFolder size={15} stroke={1.6} className={classes.icon} />
            <Text span size="sm" fw={500}>
              {row.code}
            </Text>
            <Text span size="sm">
              {row.name}
            </Text>
            {needle && row.parentName && (
              <Text span size="xs" c="dimmed">
                {t('agreements.templateGroups.in', { name: row.parentName })}
              </Text>
            )}
          </UnstyledButton>
        ))}
      </Paper>
    </Stack>
  )
}
