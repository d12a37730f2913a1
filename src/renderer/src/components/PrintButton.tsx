import { Button } from '@mantine/core'
import { IconPrinter } from '@tabler/icons-react'
import { useT } from '../lib/i18n'

interface Props {
  onPrint: () => void
  loading?: boolean
  disabled?: boolean
  /** What is printed, for the button's accessible name when a screen has several documents ("Print RMA"). */
  what?: string
  testId?: string
}

/** "Print" beside a document's Download button (lib/usePdf.ts): the system's print dialog on the same PDF. */
export function PrintButton({ onPrint, loading, disabled, what, testId }: Props) {
  const t = useT()
  return (
    <Button
      size="xs"
      variant="default"
      leftSection={<IconPrinter size={14} />}
      loading={loading}
      disabled={disabled}
      onClick={onPrint}
      aria-label={what ? t('common.printWhat', { what }) : undefined}
      data-testid={testId}
    >
      {t('common.print')}
    </Button>
  )
}
