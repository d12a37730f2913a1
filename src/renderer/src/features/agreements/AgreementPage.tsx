import { Alert, Anchor, Breadcrumbs, Button, Group, Indicator, Kbd, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconCopy, IconLock, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { COMBINE_RULE_LABELS } from '@shared/domain/agreements'
import { ConfirmButton } from '../../components/ConfirmButton'
import { formatDate } from '../../lib/format'
import { AuditTrail } from '../../components/AuditTrail'
import { useSession } from '../../lib/session'
import { AgreementHeaderForm } from './AgreementHeaderForm'
import { CopyLinesDialog } from './CopyLinesDialog'
import { GeneratorDialog } from './GeneratorDialog'
import { LinesGrid } from './LinesGrid'
import { PreviewPanel } from './PreviewPanel'
import { StatusBadge } from './status'
import { useAgreementEditor } from './useAgreementEditor'

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
  const { can } = useSession()
  const e = useAgreementEditor(recordId)
  const { form } = e
  const readOnly = !can('agreements.write')
  const [tab, setTab] = useState<string | null>(null)
  const [dialog, setDialog] = useState<null | 'copy' | 'generate'>(null)

  if (e.loading) return <Loader m="xl" />
  if (e.loadError) {
    return (
      <Alert color="red" title="Cannot open this agreement">
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
          Agreements
        </Anchor>
        <Text size="sm">{a ? a.number : 'New'}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="start" wrap="nowrap">
        <div>
          <Group gap="xs">
            <Title order={3}>{a ? `${a.number} ${a.description}` : 'New agreement'}</Title>
            {a && <StatusBadge agreement={a} />}
          </Group>
          {a && (
            <Text size="sm" c="dimmed">
              {a.customerName} · {a.groupName} · {formatDate(a.startDate)} – {a.endDate ? formatDate(a.endDate) : 'open-ended'} ·{' '}
              {COMBINE_RULE_LABELS[a.combineRule]}
              {a.templateGroupName ? ` · template group ${a.templateGroupName}` : ''}
            </Text>
          )}
        </div>
        {a && !readOnly && (
          <ConfirmButton
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconTrash size={14} />}
            title={`Delete ${a.number}?`}
            message="This removes the agreement with its lines and relations. An agreement that has produced service orders cannot be deleted: end it (set an end date) or suspend it instead."
            confirmLabel="Delete"
            onConfirm={e.remove}
            loading={e.removing}
          >
            Delete
          </ConfirmButton>
        )}
      </Group>
      {readOnly && (
        <Alert variant="light" color="gray" icon={<IconLock size={16} />} data-testid="read-only-notice">
          Your role can view this agreement but not change it.
        </Alert>
      )}
      {e.conflict && (
        <Alert
          variant="light"
          color="orange"
          icon={<IconAlertTriangle size={16} />}
          title="Changed by someone else"
          data-testid="conflict-alert"
        >
          <Group gap="sm">
            <Text size="sm">
              This agreement was saved elsewhere after you opened it. Your edits are still on screen; reload to see the current version.
            </Text>
            <Button size="xs" variant="light" color="orange" onClick={e.reload}>
              Reload
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
                Agreement
              </Indicator>
            </Tabs.Tab>
            <Tabs.Tab value="lines">Lines ({a.lines.length})</Tabs.Tab>
            {can('audit.read') && <Tabs.Tab value="history">History</Tabs.Tab>}
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
                      'Lines'
                    ) : (
                      <>
                        <Kbd size="xs">Tab</Kbd> next cell · <Kbd size="xs">Enter</Kbd> save the row · <Kbd size="xs">Esc</Kbd> undo the row
                        · a line’s object must be related on the Agreement tab
                      </>
                    )}
                  </Text>
                  {!readOnly && (
                    <Button variant="default" size="xs" leftSection={<IconCopy size={14} />} onClick={() => setDialog('copy')}>
                      Copy lines from…
                    </Button>
                  )}
                </Group>
                <LinesGrid agreement={a} readOnly={readOnly} highlightLineId={highlight} />
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
