import { Button, Group } from '@mantine/core'
import { IconDownload, IconFileTypePdf } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useT } from '../lib/i18n'

/**
 * A report screen's CSV and PDF buttons (and whatever follows them, e.g. Print): `busy` names the file being
 * made, `disabled` while the filters cannot make one.
 */
export function ExportButtons(props: {
  busy: string | null
  disabled: boolean
  pdfLabel: string
  onRun: (kind: 'csv' | 'pdf') => void
  ml?: 'auto'
  children?: ReactNode
}) {
  const t = useT()
  return (
    <Group gap="xs" ml={props.ml}>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconDownload size={14} />}
        loading={props.busy === 'csv'}
        disabled={props.disabled}
        onClick={() => props.onRun('csv')}
      >
        {t('common.exportCsv')}
      </Button>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconFileTypePdf size={14} />}
        loading={props.busy === 'pdf'}
        disabled={props.disabled}
        onClick={() => props.onRun('pdf')}
      >
        {props.pdfLabel}
      </Button>
      {props.children}
    </Group>
  )
}
