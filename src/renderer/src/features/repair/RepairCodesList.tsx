import { Badge, Select } from '@mantine/core'
import { useState } from 'react'
import { REPAIR_CODE_KINDS, type RepairCodeKind } from '@shared/domain/repair'
import { ListPage } from '../../components/ListPage'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { RepairSettingsForm } from './RepairSettingsForm'

/** The repair setup in one list: conditions, symptom and diagnosis areas and codes, resolutions, repair stages. */
export function RepairCodesList() {
  const t = useT()
  const { can } = useSession()
  const [kind, setKind] = useState<RepairCodeKind | null>(null)
  return (
    <>
      <ListPage
        title={t('repair.codes.title')}
        method="repairCodes.list"
        defaultSort="kind"
        exportName="repair-codes"
        searchPlaceholder={t('masterdata.field.codeOrName')}
        filters={{ kind }}
        filterControls={
          <Select
            placeholder={t('repair.codes.allKinds')}
            clearable
            w={200}
            data={REPAIR_CODE_KINDS.map((k) => ({ value: k, label: t(`repair.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => setKind(v as RepairCodeKind | null)}
          />
        }
        newPath={can('catalog.write') ? '/repair-codes/new' : undefined}
        newLabel={t('repair.codes.new')}
        rowPath={(r) => `/repair-codes/${r.id}`}
        columns={[
          { key: 'kind', label: t('repair.codes.kind'), sort: 'kind', width: 150, render: (r) => t(`repair.kinds.${r.kind}`) },
          { key: 'code', label: t('masterdata.field.code'), sort: 'code', width: 150 },
          {
            key: 'name',
            label: t('masterdata.field.name'),
            sort: 'name',
            render: (r) => (
              <>
                {r.name}
                {r.finished && (
                  <Badge ml={6} size="xs" variant="light" color="teal">
                    {t('repair.codes.finished')}
                  </Badge>
                )}
              </>
            )
          },
          { key: 'areaName', label: t('repair.codes.area'), render: (r) => r.areaName ?? t('common.none') },
          { key: 'objectGroupName', label: t('repair.codes.objectGroup'), render: (r) => r.objectGroupName ?? t('repair.codes.anyGroup') }
        ]}
      />
      {can('settings.write') && <RepairSettingsForm />}
    </>
  )
}
