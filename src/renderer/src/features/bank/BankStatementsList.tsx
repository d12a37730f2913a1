import { Button, FileButton } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileImport } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { ListPage } from '../../components/ListPage'
import { call } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'

/** Imported bank statements, newest first; importing a camt.053 file opens the statement it made. */
export function BankStatementsList() {
  const t = useT()
  const f = useFormat()
  const navigate = useNavigate()
  const qc = useQueryClient()
  const importFile = useMutation({
    mutationFn: async (file: File) => call('bankStatements.import', { fileName: file.name, content: await file.text() }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['list'] })
      if (r.statementIds.length === 0) {
        notifications.show({ color: 'gray', message: t('bank.nothingNew', { known: r.alreadyImported }), autoClose: 5000 })
        return
      }
      notifications.show({
        color: 'teal',
        message: t('bank.importedNote', { fresh: r.newEntries, known: r.alreadyImported, other: r.notCredits }),
        autoClose: 5000
      })
      void navigate(`/bank-statements/${r.statementIds[0]}`)
    },
    onError: (e) => showApiError(e)
  })
  return (
    <ListPage
      title={t('bank.title')}
      method="bankStatements.list"
      defaultSort="recent"
      exportName={t('bank.exportName')}
      searchPlaceholder={t('bank.list.searchPlaceholder')}
      actions={
        <FileButton onChange={(file) => file && importFile.mutate(file)} accept=".xml,application/xml,text/xml">
          {(props) => (
            <Button {...props} size="xs" leftSection={<IconFileImport size={14} />} loading={importFile.isPending}>
              {t('bank.import')}
            </Button>
          )}
        </FileButton>
      }
      rowPath={(r) => `/bank-statements/${r.id}`}
      columns={[
        { key: 'importedAt', label: t('bank.list.importedAt'), sort: 'importedAt', width: 150, render: (r) => f.dateTime(r.importedAt) },
        { key: 'statementId', label: t('bank.list.statement'), sort: 'statementId' },
        { key: 'iban', label: t('bank.list.account'), width: 200 },
        { key: 'fileName', label: t('bank.list.file'), sort: 'fileName' },
        { key: 'importedByName', label: t('bank.list.importedBy'), width: 140 },
        { key: 'entryCount', label: t('bank.list.entries'), align: 'right', width: 90 },
        { key: 'toReview', label: t('bank.list.toReview'), align: 'right', width: 100 },
        { key: 'confirmed', label: t('bank.list.confirmed'), align: 'right', width: 100 },
        {
          key: 'creditTotal',
          label: t('bank.list.total'),
          align: 'right',
          width: 120,
          render: (r) => f.money(r.creditTotal, r.currency || undefined)
        }
      ]}
    />
  )
}
