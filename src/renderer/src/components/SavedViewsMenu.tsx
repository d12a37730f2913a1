import { ActionIcon, Button, Group, Menu, Modal, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconBookmark, IconDeviceFloppy, IconTrash } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { SavedView } from '@shared/domain/orders'
import { call, isApiError } from '../lib/api'
import { showApiError } from '../lib/forms'
import { useT } from '../lib/i18n'

interface SavedViewsMenuProps {
  /** The list's name in the saved views, e.g. "serviceOrders". */
  list: string
  /** The filters on screen now (what "Save view…" stores). */
  current: Record<string, unknown>
  /** Views every user has (ADR 0021): listed above the user's own, never deleted. */
  builtIn?: { key: string; name: string; filters: Record<string, unknown> }[]
  /** The view the list opens on (its name shows on the button while its filters are on screen). */
  initial?: { name: string; filters: Record<string, unknown> }
  onApply: (filters: Record<string, unknown>) => void
}

/** Filters compared by content (key order differs between the screen and the database). */
function stable(filters: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(filters)
      .sort()
      .map((k) => [k, filters[k] ?? null])
  )
}

/** The user's named filter sets of a list: apply one, save the current filters under a name, delete one. */
export function SavedViewsMenu({ list, current, builtIn = [], initial, onApply }: SavedViewsMenuProps) {
  const t = useT()
  const qc = useQueryClient()
  const key = ['savedViews', list]
  const views = useQuery({ queryKey: key, queryFn: () => call('savedViews.list', { list }) })
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  // The view last applied or saved, and its filters: the button names it while the filters are still its own.
  const [applied, setApplied] = useState<{ name: string; filters: string } | null>(
    initial ? { name: initial.name, filters: stable(initial.filters) } : null
  )
  const shown = applied !== null && applied.filters === stable(current) ? applied.name : null

  const save = useMutation({
    mutationFn: () => call('savedViews.save', { list, name, filters: current }),
    onSuccess: (v) => {
      void qc.invalidateQueries({ queryKey: key })
      setApplied({ name: v.name, filters: stable(v.filters) })
      setNaming(false)
      notifications.show({ color: 'teal', message: t('common.views.savedNote', { name: v.name }), autoClose: 2500 })
    },
    onError: (e) => (isApiError(e, 'VALIDATION') && e.issues.length > 0 ? setError(e.issues[0]!.message) : showApiError(e))
  })
  const remove = useMutation({
    mutationFn: (v: SavedView) => call('savedViews.delete', { id: v.id }),
    onSuccess: (_r, v) => {
      void qc.invalidateQueries({ queryKey: key })
      if (applied?.name === v.name) setApplied(null)
      notifications.show({ color: 'teal', message: t('common.views.deletedNote', { name: v.name }), autoClose: 2500 })
    },
    onError: (e) => showApiError(e)
  })

  return (
    <>
      <Menu position="bottom-end" width={260} withinPortal>
        <Menu.Target>
          <Button variant="default" size="xs" leftSection={<IconBookmark size={14} />} data-testid="saved-views">
            {shown ?? t('common.views.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {builtIn.length > 0 && (
            <>
              <Menu.Label>{t('common.views.builtIn')}</Menu.Label>
              {builtIn.map((v) => (
                <Menu.Item
                  key={v.key}
                  data-testid={`view-${v.key}`}
                  onClick={() => {
                    setApplied({ name: v.name, filters: stable(v.filters) })
                    onApply(v.filters)
                  }}
                >
                  {v.name}
                </Menu.Item>
              ))}
              <Menu.Divider />
            </>
          )}
          <Menu.Label>{t('common.views.saved')}</Menu.Label>
          {(views.data ?? []).length === 0 && (
            <Text size="xs" c="dimmed" px="sm" py={4}>
              {t('common.views.none')}
            </Text>
          )}
          {(views.data ?? []).map((v) => (
            <Menu.Item
              key={v.id}
              onClick={() => {
                setApplied({ name: v.name, filters: stable(v.filters) })
                onApply(v.filters)
              }}
              rightSection={
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="red"
                  aria-label={t('common.views.deleteAria', { name: v.name })}
                  onClick={(e) => {
                    e.stopPropagation()
                    remove.mutate(v)
                  }}
                >
                  <IconTrash size={13} />
                </ActionIcon>
              }
            >
              {v.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconDeviceFloppy size={14} />}
            onClick={() => {
              setName(shown ?? '')
              setError(null)
              setNaming(true)
            }}
          >
            {t('common.views.saveMenu')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={naming} onClose={() => setNaming(false)} title={t('common.views.dialogTitle')} size="sm">
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (name.trim() === '') return setError(t('validation.required'))
            save.mutate()
          }}
        >
          <TextInput
            label={t('common.views.name')}
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={error}
            description={t('common.views.nameHint')}
          />
          <Group justify="flex-end" mt="md" gap="xs">
            <Button variant="default" size="xs" onClick={() => setNaming(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="xs" loading={save.isPending}>
              {t('common.views.save')}
            </Button>
          </Group>
        </form>
      </Modal>
    </>
  )
}
