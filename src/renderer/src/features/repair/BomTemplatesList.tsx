import { Button } from '@mantine/core'
import { IconCopy } from '@tabler/icons-react'
import { useState } from 'react'
import { ListPage } from '../../components/ListPage'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { CopyTemplateDialog } from './CopyTemplateDialog'

/** Template BOMs: the structures service objects are built from. */
export function BomTemplatesList() {
  const t = useT()
  const { can } = useSession()
  const [copying, setCopying] = useState(false)
  return (
    <>
      <ListPage
        title={t('repair.templates.title')}
        method="bomTemplates.list"
        defaultSort="number"
        exportName="bom-templates"
        searchPlaceholder={t('repair.templates.search')}
        newPath={can('catalog.write') ? '/bom-templates/new' : undefined}
        newLabel={t('repair.templates.new')}
        actions={
          can('catalog.write') && (
            <Button size="xs" variant="default" leftSection={<IconCopy size={14} />} onClick={() => setCopying(true)}>
              {t('repair.templates.copyTitle')}
            </Button>
          )
        }
        rowPath={(r) => `/bom-templates/${r.id}`}
        columns={[
          { key: 'number', label: t('repair.templates.number'), sort: 'number', width: 160 },
          { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
          { key: 'itemName', label: t('repair.templates.model'), render: (r) => r.itemName ?? t('common.none') },
          { key: 'componentCount', label: t('repair.templates.components'), align: 'right', width: 120 },
          { key: 'attachedCount', label: t('repair.templates.attached'), align: 'right', width: 120 }
        ]}
      />
      {copying && <CopyTemplateDialog onClose={() => setCopying(false)} />}
    </>
  )
}
