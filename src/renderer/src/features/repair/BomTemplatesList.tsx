import { ListPage } from '../../components/ListPage'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'

/** Template BOMs: the structures service objects are built from. */
export function BomTemplatesList() {
  const t = useT()
  const { can } = useSession()
  return (
    <ListPage
      title={t('repair.templates.title')}
      method="bomTemplates.list"
      defaultSort="number"
      exportName="bom-templates"
      searchPlaceholder={t('repair.templates.search')}
      newPath={can('catalog.write') ? '/bom-templates/new' : undefined}
      newLabel={t('repair.templates.new')}
      rowPath={(r) => `/bom-templates/${r.id}`}
      columns={[
        { key: 'number', label: t('repair.templates.number'), sort: 'number', width: 160 },
        { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
        { key: 'itemName', label: t('repair.templates.model'), render: (r) => r.itemName ?? t('common.none') },
        { key: 'componentCount', label: t('repair.templates.components'), align: 'right', width: 120 },
        { key: 'attachedCount', label: t('repair.templates.attached'), align: 'right', width: 120 }
      ]}
    />
  )
}
