import { Badge, Group, Kbd, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useNavigate } from 'react-router'
import type { SearchHit } from '@shared/domain/system'
import { call } from '../../lib/api'
import { useT } from '../../lib/i18n'
import classes from './GlobalSearch.module.css'

// Key caps are the same on an Estonian keyboard.
const KEY_UP = '↑'
const KEY_DOWN = '↓'
const KEY_ENTER = 'Enter'

const KIND: Record<SearchHit['kind'], { color: string; path: (h: SearchHit) => string }> = {
  serviceObject: { color: 'grape', path: (h) => `/service-objects/${h.targetId}` },
  customer: { color: 'indigo', path: (h) => `/customers/${h.targetId}` },
  site: { color: 'teal', path: (h) => `/customers/${h.targetId}` }
}

/** Ctrl+K: one box for customers, service addresses and equipment by serial number; arrows + Enter to open. */
export function GlobalSearch({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT()
  const navigate = useNavigate()
  const [q, setQ] = useState('')
  const [debounced] = useDebouncedValue(q, 150)
  const [active, setActive] = useState(0)
  const hits = useQuery({
    queryKey: ['search', debounced],
    queryFn: () => call('search.global', { q: debounced }),
    enabled: debounced.trim().length >= 2,
    placeholderData: keepPreviousData
  })
  const rows = debounced.trim().length >= 2 ? (hits.data ?? []) : []

  useEffect(() => setActive(0), [debounced])

  const open = (h: SearchHit) => {
    onClose()
    setQ('')
    void navigate(KIND[h.kind].path(h))
  }

  return (
    <Modal opened={opened} onClose={onClose} withCloseButton={false} size="lg" yOffset="10vh" padding="xs">
      <TextInput
        data-autofocus
        placeholder={t('app.search.placeholder')}
        aria-label={t('app.search.ariaLabel')}
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, rows.length - 1))
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0))
          else if (e.key === 'Enter' && rows[active]) open(rows[active])
          else return
          e.preventDefault()
        }}
      />
      <Stack gap={0} mt="xs" data-testid="search-results">
        {rows.map((h, i) => (
          <UnstyledButton
            key={`${h.kind}-${h.id}`}
            className={classes.hit}
            data-active={i === active || undefined}
            onClick={() => open(h)}
            onMouseEnter={() => setActive(i)}
          >
            <Group gap="sm" wrap="nowrap">
              <Badge size="xs" variant="light" color={KIND[h.kind].color} w={70}>
                {t(`app.search.kind.${h.kind}`)}
              </Badge>
              <div style={{ minWidth: 0 }}>
                <Text size="sm" truncate>
                  {h.title}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {h.subtitle}
                </Text>
              </div>
            </Group>
          </UnstyledButton>
        ))}
        {debounced.trim().length >= 2 && rows.length === 0 && !hits.isFetching && (
          <Text size="sm" c="dimmed" p="sm">
            {t('app.search.nothingFound', { query: debounced })}
          </Text>
        )}
        {debounced.trim().length < 2 && (
          <Text size="xs" c="dimmed" p="sm">
            {t('app.search.hintType')} <Kbd size="xs">{KEY_UP}</Kbd> <Kbd size="xs">{KEY_DOWN}</Kbd> {t('app.search.hintMove')}{' '}
            <Kbd size="xs">{KEY_ENTER}</Kbd> {t('app.search.hintOpen')}
          </Text>
        )}
      </Stack>
    </Modal>
  )
}
