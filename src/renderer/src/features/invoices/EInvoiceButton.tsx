import { Button, Tooltip } from '@mantine/core'
import { IconFileTypeXml } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { call } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { saveFile } from '../../lib/download'
import { useT } from '../../lib/i18n'

/**
 * The invoice or credit note as an EN 16931 e-invoice (UBL XML). What the company or customer still lacks
 * for one (VAT number, e-invoice address, bank account) is said in the error notification.
 */
export function EInvoiceButton({ invoiceId }: { invoiceId: number }) {
  const t = useT()
  const einvoice = useMutation({
    mutationFn: () => call('invoices.einvoice', { id: invoiceId }),
    onSuccess: (file) => saveFile(file.fileName, new Blob([file.xml], { type: 'application/xml' })),
    onError: (e) => showApiError(e)
  })
  return (
    <Tooltip label={t('einvoice.downloadHint')} openDelay={400} multiline w={280} withArrow>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconFileTypeXml size={14} />}
        loading={einvoice.isPending}
        onClick={() => einvoice.mutate()}
      >
        {t('einvoice.download')}
      </Button>
    </Tooltip>
  )
}
