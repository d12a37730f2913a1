import { ListPage } from '../../components/ListPage'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { CODE_TABLES, type CodeTableEntity } from './codeTables'

/** The list of a small code table (code + name): groups, skills, SLA reason codes. */
export function CodeTableList({ entity }: { entity: CodeTableEntity }) {
  const t = useT()
  const table = CODE_TABLES[entity]
  const { can } = useSession()
  return (
    <ListPage
      key={entity}
      title={table.title(t)}
      method={`${entity}.list`}
      defaultSort="code"
      exportName={table.path.slice(1)}
      searchPlaceholder={t('masterdata.field.codeOrName')}
      newPath={can(table.write) ? `${table.path}/new` : undefined}
      newLabel={t('masterdata.codeTables.newOne', { what: table.label(t).toLowerCase() })}
      rowPath={(r) => `${table.path}/${r.id}`}
      columns={[
        { key: 'code', label: t('masterdata.field.code'), sort: 'code', width: 160 },
        { key: 'name', label: t('masterdata.field.name'), sort: 'name' }
      ]}
    />
  )
}
