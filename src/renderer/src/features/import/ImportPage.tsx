import { Alert, Button, FileButton, Group, Paper, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconDeviceFloppy, IconDownload, IconFileImport, IconListCheck, IconPlayerStop, IconUpload } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import {
  IMPORT_FIELDS,
  IMPORT_KEYS,
  IMPORT_KINDS,
  type ImportDelimiter,
  type ImportEncoding,
  type ImportInspection,
  type ImportKind,
  type ImportMapping,
  type ImportOutcome,
  type ImportRun
} from '@shared/domain/import'
import { translate } from '@shared/i18n/issues'
import { call } from '../../lib/api'
import { saveFile } from '../../lib/download'
import { useT } from '../../lib/i18n'

interface Upload {
  name: string
  content: string
}

interface InspectInput {
  kind: ImportKind
  upload: Upload
  source: string
  /** null: detect it from the bytes. */
  encoding: ImportEncoding | null
  delimiter: ImportDelimiter | null
}

/** Base64 of a file's bytes: the server detects the encoding from the bytes, not from the browser's reading. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

const POLL_MS = 250

/**
 * CSV import (ADR 0023): choose the kind and a file; the encoding and delimiter are detected (and can be
 * overridden), columns are mapped (the source's saved mapping first), a check lists every bad row, and
 * Import writes all rows or none.
 */
export function ImportPage() {
  const t = useT()
  const [kind, setKind] = useState<ImportKind>('customers')
  const [upload, setUpload] = useState<Upload | null>(null)
  const [source, setSource] = useState('')
  const [inspection, setInspection] = useState<ImportInspection | null>(null)
  const [mapping, setMapping] = useState<ImportMapping>([])
  const [key, setKey] = useState<string>(IMPORT_KEYS.customers[0]!)
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null)
  const [run, setRun] = useState<ImportRun | null>(null)

  const inspect = useMutation({
    mutationFn: (o: InspectInput) =>
      call('import.inspect', { kind: o.kind, source: o.source, content: o.upload.content, encoding: o.encoding, delimiter: o.delimiter })
  })
  // A new file, kind or reading: the last check no longer applies, and nothing is checked or imported until the
  // new columns are read, or it would run with the last file's mapping. mutate's own callback fires for the latest
  // call only, so an earlier inspection answering late cannot replace it.
  const reinspect = (o: InspectInput) => {
    setOutcome(null)
    setRun(null)
    inspect.mutate(o, {
      onSuccess: (r) => {
        setInspection(r)
        setMapping(r.mapping)
      }
    })
  }

  const input = () => ({
    kind,
    source,
    content: upload!.content,
    encoding: inspection!.encoding,
    delimiter: inspection!.delimiter,
    mapping,
    key: key as (typeof IMPORT_KEYS)[ImportKind][number]
  })

  const check = useMutation({
    mutationFn: () => call('import.dryRun', input()),
    onSuccess: (r) => {
      setOutcome(r)
      setRun(null)
    }
  })

  const start = useMutation({
    mutationFn: async () => {
      let r = await call('import.start', input())
      setRun(r)
      while (r.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS))
        r = await call('import.run', { id: r.id })
        setRun(r)
      }
      // A cancelled run wrote nothing: the check's outcome stays, and Import can be started again.
      if (r.status === 'done' && r.outcome) setOutcome(r.outcome)
      return r
    }
  })

  const cancel = useMutation({ mutationFn: (id: number) => call('import.cancel', { id }) })

  const saveMapping = useMutation({ mutationFn: () => call('import.saveMapping', { kind, source, mapping }) })

  const template = useMutation({
    mutationFn: () => call('import.template', { kind }),
    onSuccess: (f) => saveFile(f.fileName, new Blob([f.content], { type: 'text/csv;charset=utf-8' }))
  })

  const chooseKind = (k: ImportKind) => {
    setKind(k)
    setKey(IMPORT_KEYS[k][0]!)
    if (upload) reinspect({ kind: k, upload, source, encoding: null, delimiter: null })
  }

  const chooseFile = async (file: File | null) => {
    if (!file) return
    const u = { name: file.name, content: await base64Of(file) }
    const s = file.name.replace(/\.[^.]*$/, '').slice(0, 100) || file.name.slice(0, 100)
    setUpload(u)
    setSource(s)
    reinspect({ kind, upload: u, source: s, encoding: null, delimiter: null })
  }

  const override = (o: { encoding?: ImportEncoding; delimiter?: ImportDelimiter }) =>
    upload &&
    inspection &&
    reinspect({ kind, upload, source, encoding: o.encoding ?? inspection.encoding, delimiter: o.delimiter ?? inspection.delimiter })

  const fieldOptions = [
    { value: '', label: t('import.notImported') },
    ...IMPORT_FIELDS[kind].map((f) => ({
      value: f.name,
      label: f.required ? t('import.required', { field: t(`import.fields.${f.name}`) }) : t(`import.fields.${f.name}`)
    }))
  ]
  const error = inspect.error ?? check.error ?? start.error ?? cancel.error ?? saveMapping.error ?? template.error
  const busy = inspect.isPending || check.isPending || start.isPending

  return (
    <Stack gap="md" p="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('import.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('import.intro')}
          </Text>
        </div>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} />}
          onClick={() => template.mutate()}
          loading={template.isPending}
        >
          {t('import.template')}
        </Button>
      </Group>

      <Paper withBorder p="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label={t('import.kind')}
            data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`import.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && chooseKind(v as ImportKind)}
            allowDeselect={false}
            w={200}
          />
          <FileButton onChange={(f) => void chooseFile(f)} accept=".csv,.txt,text/csv">
            {(props) => (
              <Button {...props} leftSection={<IconUpload size={16} />} loading={inspect.isPending} aria-label={t('import.file')}>
                {upload ? upload.name : t('import.filePlaceholder')}
              </Button>
            )}
          </FileButton>
          {inspection && (
            <>
              <Select
                label={t('import.encoding')}
                data={[
                  { value: 'utf-8', label: t('import.encodings.utf8') },
                  { value: 'windows-1257', label: t('import.encodings.windows1257') }
                ]}
                value={inspection.encoding}
                onChange={(v) => v && override({ encoding: v as ImportEncoding })}
                allowDeselect={false}
                w={210}
              />
              <Select
                label={t('import.delimiter')}
                data={[
                  { value: ';', label: t('import.delimiters.semicolon') },
                  { value: ',', label: t('import.delimiters.comma') }
                ]}
                value={inspection.delimiter}
                onChange={(v) => v && override({ delimiter: v as ImportDelimiter })}
                allowDeselect={false}
                w={160}
              />
            </>
          )}
        </Group>
      </Paper>

      {inspection && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Group align="flex-end" gap="md">
              <TextInput
                label={t('import.source')}
                description={t('import.sourceHelp')}
                value={source}
                maxLength={100}
                onChange={(e) => setSource(e.currentTarget.value)}
                w={360}
              />
              <Select
                label={t('import.key')}
                data={IMPORT_KEYS[kind].map((k) => ({ value: k, label: t(`import.fields.${k}`) }))}
                value={key}
                onChange={(v) => v && setKey(v)}
                allowDeselect={false}
                w={260}
              />
              <Button
                variant="default"
                leftSection={<IconDeviceFloppy size={16} />}
                onClick={() => saveMapping.mutate()}
                loading={saveMapping.isPending}
                disabled={!source.trim() || inspect.isPending}
              >
                {saveMapping.isSuccess ? t('import.mappingSaved') : t('import.saveMapping')}
              </Button>
            </Group>
            <Title order={4}>
              {t('import.mapping')}
              {inspection.saved && (
                <Text span size="sm" c="dimmed" ml="sm">
                  {t('import.savedMapping')}
                </Text>
              )}
            </Title>
            <Table striped withTableBorder verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="30%">{t('import.column')}</Table.Th>
                  <Table.Th w="30%">{t('import.example')}</Table.Th>
                  <Table.Th>{t('import.field')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mapping.map((m, i) => (
                  <Table.Tr key={`${i}-${m.column}`}>
                    <Table.Td>{m.column}</Table.Td>
                    <Table.Td c="dimmed">{inspection.sample[0]?.[i] ?? ''}</Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label={m.column}
                        data={fieldOptions}
                        value={m.field ?? ''}
                        onChange={(v) => {
                          setMapping(mapping.map((x, j) => (j === i ? { ...x, field: (v || null) as typeof x.field } : x)))
                          setOutcome(null)
                        }}
                        allowDeselect={false}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group>
              <Button leftSection={<IconListCheck size={16} />} onClick={() => check.mutate()} loading={check.isPending} disabled={busy}>
                {t('import.check')}
              </Button>
              <Button
                color="green"
                leftSection={<IconFileImport size={16} />}
                onClick={() => start.mutate()}
                loading={start.isPending}
                disabled={busy || !outcome || outcome.problemCount > 0 || outcome.committed}
              >
                {t('import.run')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      {error && <Alert color="red">{error.message}</Alert>}
      {run?.status === 'running' && (
        <Stack gap={4}>
          <Group justify="space-between">
            <Text size="sm" data-testid="import-progress">
              {t(run.writing ? 'import.writing' : 'import.running', { done: run.done, total: run.total })}
            </Text>
            <Button
              variant="default"
              size="xs"
              color="red"
              leftSection={<IconPlayerStop size={14} />}
              loading={cancel.isPending}
              onClick={() => cancel.mutate(run.id)}
            >
              {t('common.cancel')}
            </Button>
          </Group>
          <Progress value={run.total === 0 ? 0 : (100 * run.done) / run.total} animated size="lg" aria-label={t('import.progressAria')} />
        </Stack>
      )}
      {run?.status === 'cancelled' && <Alert color="orange">{t('import.cancelled')}</Alert>}
      {run?.status === 'failed' && <Alert color="red">{t('import.failed', { error: run.error ?? '' })}</Alert>}
      {outcome && <Outcome outcome={outcome} />}
    </Stack>
  )
}

function Outcome({ outcome }: { outcome: ImportOutcome }) {
  const t = useT()
  const counts = { rows: outcome.rows, created: outcome.created, updated: outcome.updated }
  if (outcome.committed) return <Alert color="green">{t('import.done', counts)}</Alert>
  if (outcome.problemCount === 0)
    return (
      <Alert color="blue">
        {t('import.checked', counts)} {t('import.allGood')}
      </Alert>
    )
  return (
    <Stack gap="xs">
      <Alert color="red">{t('import.problems', { count: outcome.problemCount })}</Alert>
      <Table striped withTableBorder verticalSpacing={4} fz="sm" data-testid="import-problems">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('import.line')}</Table.Th>
            <Table.Th w="25%">{t('import.column')}</Table.Th>
            <Table.Th>{t('import.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {outcome.problems.map((p, i) => (
            <Table.Tr key={i}>
              <Table.Td>{p.line}</Table.Td>
              <Table.Td>{p.column ?? (p.field ? t(`import.fields.${p.field}`) : '')}</Table.Td>
              <Table.Td>{translate(t, p.code, p.params as never)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
