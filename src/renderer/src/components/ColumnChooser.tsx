import { Button, Checkbox, Menu } from '@mantine/core'
import { IconColumns } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { call } from '../lib/api'
import { showApiError } from '../lib/forms'
import { useT } from '../lib/i18n'

export interface ChoosableColumn<K extends string> {
  key: K
  label: string
  /** Shown until the user chooses otherwise. */
  byDefault: boolean
}

/**
 * The columns a user has chosen for a list or grid, remembered per user on the server (`listColumns.*`), so
 * they follow the user to another computer. Until a choice is made, the columns marked `byDefault`. A column
 * the list no longer has is ignored.
 */
export function useColumnChoice<K extends string>(list: string, columns: ChoosableColumn<K>[]) {
  const qc = useQueryClient()
  const key = ['listColumns', list]
  const saved = useQuery({ queryKey: key, queryFn: () => call('listColumns.get', { list }), staleTime: Infinity })
  const save = useMutation({
    mutationFn: (chosen: K[]) => call('listColumns.save', { list, columns: chosen }),
    onMutate: (chosen) => qc.setQueryData(key, chosen),
    onError: (e) => {
      showApiError(e)
      void qc.invalidateQueries({ queryKey: key })
    }
  })
  const known = new Set<string>(columns.map((c) => c.key))
  const chosen = saved.data ? (saved.data.filter((k) => known.has(k)) as K[]) : columns.filter((c) => c.byDefault).map((c) => c.key)
  const shown = new Set(chosen)
  const toggle = (k: K) => save.mutate(columns.filter((c) => (c.key === k ? !shown.has(k) : shown.has(c.key))).map((c) => c.key))
  const reset = () => save.mutate(columns.filter((c) => c.byDefault).map((c) => c.key))
  return { columns, shown, toggle, reset, ready: !saved.isLoading }
}

/** A menu of checkboxes, one per column that may be shown or hidden, and a way back to the default set. */
export function ColumnChooser<K extends string>({ choice }: { choice: ReturnType<typeof useColumnChoice<K>> }) {
  const t = useT()
  return (
    <Menu position="bottom-end" closeOnItemClick={false} withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" leftSection={<IconColumns size={14} />} data-testid="column-chooser">
          {t('common.columns.choose')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {choice.columns.map((c) => (
          <Menu.Item key={c.key} onClick={() => choice.toggle(c.key)} data-testid={`column-${c.key}`}>
            <Checkbox
              size="xs"
              label={c.label}
              checked={choice.shown.has(c.key)}
              readOnly
              tabIndex={-1}
              style={{ pointerEvents: 'none' }}
            />
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={choice.reset}>{t('common.columns.reset')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
