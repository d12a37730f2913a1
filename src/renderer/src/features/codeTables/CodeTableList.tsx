import { ListPage } from '../../components/ListPage'
import { useSession } from '../../lib/session'
import { CODE_TABLES, type CodeTableEntity } from './codeTables'

/** The list of a small code table (code + name): groups, skills, SLA reason codes. */
export function CodeTableList({ entity }: { entity: CodeTableEntity }) {
  const t = CODE_TABLES[entity]
  const { can } = useSession()
  return (
    <ListPage
      key={entity}
      title={t.title}
      method={`${entity}.list`}
      defaultSort="code"
      exportName={t.path.slice(1)}
      searchPlaceholder="Code or name"
      newPath={can(t.write) ? `${t.path}/new` : undefined}
      newLabel={`New ${t.label.toLowerCase()}`}
      rowPath={(r) => `${t.path}/${r.id}`}
      columns={[
        { key: 'code', label: 'Code', sort: 'code', width: 160 },
        { key: 'name', label: 'Name', sort: 'name' }
      ]}
    />
  )
}
