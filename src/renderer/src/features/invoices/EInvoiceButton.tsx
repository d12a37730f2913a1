import { Button, Tooltip } from '@mantine/core'
import { IconFileTypeXml } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { call } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useT } from '../../lib/i18n'

/** Saves the XML the API answered as a file: in the browser a download, in Electron the save dialog. */
function saveXml(file: { fileName: string; xml: string }): void {
  const url = URL.createObjectURL(new Blob([file.xml], { type: 'application/xml' }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * The invoice or credit note as an EN 16931 e-invoice (UBL XML). What the company or customer still lacks
 * for one (VAT number, e-invoice address, bank account) is said in the error notification.
 */
export function EInvoiceButton({ invoiceId }: { invoiceId: number }) {
  const t = useT()
  const einvoice = useMutation({
    mutationFn: () => call('invoices.einvoice', { id: invoiceId }),
    onSuccess: saveXml,
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
