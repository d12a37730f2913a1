import { Badge, Group, Kbd, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useNavigate } from 'react-router'
import type { SearchHit } from '@shared/domain/system'
import { call } from '../../lib/api'
import classes from './GlobalSearch.module.css'

const KIND: Record<SearchHit['kind'], { label: string; color: string; path: (h: SearchHit) => string }> = {
  serviceObject: { label: 'Object', color: 'grape', path: (h) => `/service-objects/${h.targetId}` },
  customer: { label: 'Customer', color: 'indigo', path: (h) => `/customers/${h.targetId}` },
  site: { label: 'Site', color: 'teal', path: (h) => `/customers/${h.targetId}` }
}

/** Ctrl+K: one box for customers, service addresses and equipment by serial number; arrows + Enter to open. */
export function GlobalSearch({ opened, onClose }: { opened: boolean; onClose: () => void }) {
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
        placeholder="Search customers, addresses, serial numbers…"
        aria-label="Global search"
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
                {KIND[h.kind].label}
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
            Nothing found for “{debounced}”.
          </Text>
        )}
        {debounced.trim().length < 2 && (
          <Text size="xs" c="dimmed" p="sm">
            Type at least two characters. <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to move, <Kbd size="xs">Enter</Kbd> to open.
          </Text>
        )}
      </Stack>
    </Modal>
  )
}
