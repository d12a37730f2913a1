import { Badge, Group, Kbd, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Fragment, useEffect, useState } from 'react'
import { useNavigate } from 'react-router'
import type { SearchHit } from '@shared/domain/system'
import { call } from '../../lib/api'
import { useFormat, useT } from '../../lib/i18n'
import classes from './GlobalSearch.module.css'

// Key caps are the same on an Estonian keyboard.
const KEY_UP = '↑'
const KEY_DOWN = '↓'
const KEY_ENTER = 'Enter'
// The trigram index needs three characters of a word.
const MIN_CHARS = 3

const KIND: Record<SearchHit['kind'], { color: string; path: (h: SearchHit) => string }> = {
  order: { color: 'blue', path: (h) => `/orders/${h.targetId}` },
  customer: { color: 'indigo', path: (h) => `/customers/${h.targetId}` },
  contact: { color: 'cyan', path: (h) => `/customers/${h.targetId}` },
  serviceObject: { color: 'grape', path: (h) => `/service-objects/${h.targetId}` },
  site: { color: 'teal', path: (h) => `/customers/${h.targetId}` },
  agreement: { color: 'orange', path: (h) => `/agreements/${h.targetId}` },
  invoice: { color: 'green', path: (h) => `/invoices/${h.targetId}` }
}

// The server answers hits grouped by kind; a heading goes where the kind changes.
const startsGroup = (rows: SearchHit[], i: number) => i === 0 || rows[i - 1]!.kind !== rows[i]!.kind

/**
 * Ctrl+K: one box for what a caller gives you — order, agreement and invoice numbers, names, phone numbers,
 * e-mails, addresses, serial numbers — answered in groups by kind with the facts to answer the caller with
 * (customer, site, stage; an invoice's date and amount); arrows move across groups, Enter opens.
 */
export function GlobalSearch({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT()
  const f = useFormat()
  const navigate = useNavigate()
  const [q, setQ] = useState('')
  const [debounced] = useDebouncedValue(q, 150)
  const [active, setActive] = useState(0)
  const hits = useQuery({
    queryKey: ['search', debounced],
    queryFn: () => call('search.global', { q: debounced }),
    enabled: debounced.trim().length >= MIN_CHARS,
    placeholderData: keepPreviousData
  })
  const rows = debounced.trim().length >= MIN_CHARS ? (hits.data ?? []) : []

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
          <Fragment key={`${h.kind}-${h.id}`}>
            {startsGroup(rows, i) && (
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" px={8} pt={i === 0 ? 2 : 8} pb={2}>
                {t(`app.search.group.${h.kind}`)}
              </Text>
            )}
            <UnstyledButton
              className={classes.hit}
              data-active={i === active || undefined}
              data-kind={h.kind}
              onClick={() => open(h)}
              onMouseEnter={() => setActive(i)}
            >
              <Group gap="sm" wrap="nowrap">
                <Badge size="xs" variant="light" color={KIND[h.kind].color} w={76} style={{ flexShrink: 0 }}>
                  {t(`app.search.kind.${h.kind}`)}
                </Badge>
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Text size="sm" truncate>
                    {h.title}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {h.subtitle}
                  </Text>
                </div>
                {h.stage !== null && (
                  <Badge size="sm" variant="outline" color="gray" style={{ flexShrink: 0 }}>
                    {h.stage}
                  </Badge>
                )}
                {h.date !== null && h.amount !== null && (
                  <div style={{ flexShrink: 0, textAlign: 'right' }}>
                    <Text size="sm">{f.money(h.amount)}</Text>
                    <Text size="xs" c="dimmed">
                      {f.date(h.date)}
                    </Text>
                  </div>
                )}
              </Group>
            </UnstyledButton>
          </Fragment>
        ))}
        {debounced.trim().length >= MIN_CHARS && rows.length === 0 && !hits.isFetching && (
          <Text size="sm" c="dimmed" p="sm">
            {t('app.search.nothingFound', { query: debounced })}
          </Text>
        )}
        {debounced.trim().length < MIN_CHARS && (
          <Text size="xs" c="dimmed" p="sm">
            {t('app.search.hintType')} <Kbd size="xs">{KEY_UP}</Kbd> <Kbd size="xs">{KEY_DOWN}</Kbd> {t('app.search.hintMove')}{' '}
            <Kbd size="xs">{KEY_ENTER}</Kbd> {t('app.search.hintOpen')}
          </Text>
        )}
      </Stack>
    </Modal>
  )
}
