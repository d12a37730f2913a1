import { Alert, Anchor, Breadcrumbs, Button, Group, Indicator, Kbd, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconCopy, IconLock, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { ColumnChooser } from '../../components/ColumnChooser'
import { ConfirmButton } from '../../components/ConfirmButton'
import { useFormat, useT } from '../../lib/i18n'
import { AuditTrail } from '../../components/AuditTrail'
import { useSession } from '../../lib/session'
import { AgreementHeaderForm } from './AgreementHeaderForm'
import { CopyLinesDialog } from './CopyLinesDialog'
import { GeneratorDialog } from './GeneratorDialog'
import { useLineColumns } from './gridLayout'
import { LinesGrid } from './LinesGrid'
import { PreviewPanel } from './PreviewPanel'
import { StatusBadge } from './status'
import { useAgreementEditor } from './useAgreementEditor'

/** The keys' own names, as printed on the keyboard. */
const KEY_TAB = 'Tab'
const KEY_ENTER = 'Enter'
const KEY_ESC = 'Esc'

/**
 * The agreement editor: the header with its object and task relations; the lines grid with a preview of
 * the visits they produce; the change history. `?line=<id>` (from an order's link back) opens the lines
 * with that line marked.
 */
export function AgreementPage() {
  const { id } = useParams()
  const [search] = useSearchParams()
  const recordId = id === 'new' ? null : Number(id)
  const highlight = Number(search.get('line')) || null
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  const e = useAgreementEditor(recordId)
  const { form } = e
  const readOnly = !can('agreements.write')
  const [tab, setTab] = useState<string | null>(null)
  const [dialog, setDialog] = useState<null | 'copy' | 'generate'>(null)
  const lineColumns = useLineColumns()

  if (e.loading) return <Loader m="xl" />
  if (e.loadError) {
    return (
      <Alert color="red" title={t('agreements.page.cannotOpen')}>
        {(e.loadError as Error).message}
      </Alert>
    )
  }
  const a = e.record
  const currentTab = tab ?? (highlight !== null || (a && a.lines.length > 0) ? 'lines' : 'agreement')
  const header = <AgreementHeaderForm form={form} isNew={e.isNew} readOnly={readOnly} onSubmit={e.submit} saving={e.saving} />

  return (
    <Stack gap="sm">
      <Breadcrumbs fz="sm">
        <Anchor component={Link} to="/agreements">
          {t('agreements.crumb')}
        </Anchor>
        <Text size="sm">{a ? a.number : t('agreements.newCrumb')}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="start" wrap="nowrap">
        <div>
          <Group gap="xs">
            <Title order={3}>{a ? `${a.number} ${a.description}` : t('agreements.new')}</Title>
            {a && <StatusBadge agreement={a} />}
          </Group>
          {a && (
            <Text size="sm" c="dimmed">
              {a.customerName} · {a.groupName} · {f.date(a.startDate)} – {a.endDate ? f.date(a.endDate) : t('agreements.page.openEnded')} ·{' '}
              {t(`enums.combineRule.${a.combineRule}`)}
              {a.templateGroupName ? ` · ${t('agreements.page.templateGroupIs', { name: a.templateGroupName })}` : ''}
            </Text>
          )}
        </div>
        {a && !readOnly && (
          <ConfirmButton
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconTrash size={14} />}
            title={t('agreements.page.deleteTitle', { number: a.number })}
            message={t('agreements.page.deleteMessage')}
            confirmLabel={t('agreements.page.delete')}
            onConfirm={e.remove}
            loading={e.removing}
          >
            {t('agreements.page.delete')}
          </ConfirmButton>
        )}
      </Group>
      {readOnly && (
        <Alert variant="light" color="gray" icon={<IconLock size={16} />} data-testid="read-only-notice">
          {t('agreements.page.readOnly')}
        </Alert>
      )}
      {e.conflict && (
        <Alert
          variant="light"
          color="orange"
          icon={<IconAlertTriangle size={16} />}
          title={t('agreements.page.conflictTitle')}
          data-testid="conflict-alert"
        >
          <Group gap="sm">
            <Text size="sm">{e.conflictBy ?? t('agreements.page.conflict')}</Text>
            <Button size="xs" variant="light" color="orange" onClick={e.reload}>
              {t('agreements.page.reload')}
            </Button>
          </Group>
        </Alert>
      )}

      {!a ? (
        <Paper withBorder p="md" maw={1200}>
          {header}
        </Paper>
      ) : (
        <Tabs value={currentTab} onChange={setTab}>
          <Tabs.List>
            <Tabs.Tab value="agreement">
              <Indicator disabled={!form.isDirty()} size={7} offset={-4} color="yellow" label={null}>
                {t('agreements.page.tabAgreement')}
              </Indicator>
            </Tabs.Tab>
            <Tabs.Tab value="lines">{t('agreements.page.tabLines', { n: a.lines.length })}</Tabs.Tab>
            {can('audit.read') && <Tabs.Tab value="history">{t('agreements.page.tabHistory')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="agreement" pt="sm">
            <Paper withBorder p="md" maw={1200}>
              {header}
            </Paper>
          </Tabs.Panel>
          <Tabs.Panel value="lines" pt="sm">
            <Stack gap="sm">
              <Paper withBorder>
                <Group justify="space-between" px="md" py={8}>
                  <Text size="xs" c="dimmed">
                    {readOnly ? (
                      t('agreements.page.lines')
                    ) : (
                      <>
                        <Kbd size="xs">{KEY_TAB}</Kbd> {t('agreements.page.keyNext')} · <Kbd size="xs">{KEY_ENTER}</Kbd>{' '}
                        {t('agreements.page.keySave')} · <Kbd size="xs">{KEY_ESC}</Kbd> {t('agreements.page.keyUndo')} ·{' '}
                        {t('agreements.page.objectHint')}
                      </>
                    )}
                  </Text>
                  <Group gap="xs">
                    <ColumnChooser choice={lineColumns} />
                    {!readOnly && (
                      <Button variant="default" size="xs" leftSection={<IconCopy size={14} />} onClick={() => setDialog('copy')}>
                        {t('agreements.page.copyLinesFrom')}
                      </Button>
                    )}
                  </Group>
                </Group>
                <LinesGrid agreement={a} readOnly={readOnly} highlightLineId={highlight} columns={lineColumns} />
              </Paper>
              <PreviewPanel agreement={a} onGenerate={can('agreements.generate') ? () => setDialog('generate') : undefined} />
            </Stack>
          </Tabs.Panel>
          {can('audit.read') && (
            <Tabs.Panel value="history" pt="sm">
              <AuditTrail entity="agreement" entityId={a.id} />
            </Tabs.Panel>
          )}
        </Tabs>
      )}

      {a && dialog === 'copy' && <CopyLinesDialog agreement={a} onClose={() => setDialog(null)} />}
      {a && dialog === 'generate' && <GeneratorDialog opened agreement={{ id: a.id, number: a.number }} onClose={() => setDialog(null)} />}
    </Stack>
  )
}
