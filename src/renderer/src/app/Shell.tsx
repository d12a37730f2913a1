import { ActionIcon, AppShell, Burger, Button, Group, Kbd, Menu, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core'
import { useDisclosure, useHotkeys } from '@mantine/hooks'
import { IconCheck, IconChevronDown, IconLogout, IconSearch } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { NavLink as RouterNavLink, useLocation } from 'react-router'
import type { AuthStatus, SessionUser } from '@shared/domain/system'
import { APP_LANGUAGES, CSV_DIALECTS, type CsvDialect, type Language } from '@shared/i18n/languages'
import { useSignOut } from '../features/auth/mutations'
import { call } from '../lib/api'
import { showApiError } from '../lib/forms'
import { applyLanguage, useT } from '../lib/i18n'
import { authKeys, useSession } from '../lib/session'
import { GlobalSearch } from '../features/search/GlobalSearch'
import { navFor } from './nav'

/**
 * The user's language and CSV dialect, chosen in the user menu. The answer (the session user) replaces the
 * user in the auth status, and the screens switch language at once, without a reload.
 */
function useSetPreferences() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: { language: Language; csvDialect: CsvDialect }) => call('auth.setPreferences', input),
    onSuccess: (user: SessionUser) => {
      qc.setQueryData<AuthStatus>(authKeys.status, (s) => (s ? { ...s, user } : s))
      applyLanguage(user.language)
    },
    onError: (e) => showApiError(e)
  })
}

export function Shell({ children }: { children: ReactNode }) {
  const t = useT()
  const { user, companyName, can } = useSession()
  const preferences = useSetPreferences()
  const setPreference = (change: Partial<{ language: Language; csvDialect: CsvDialect }>) => {
    if (user) preferences.mutate({ language: user.language, csvDialect: user.csvDialect, ...change })
  }
  const signOut = useSignOut()
  const location = useLocation()
  const [searchOpen, setSearchOpen] = useState(false)
  // On a phone (a technician's *My work*) the navigation folds behind a burger and folds again after a choice.
  const [navOpen, nav] = useDisclosure(false)
  useHotkeys([
    ['mod+K', () => setSearchOpen(true)],
    ['/', () => setSearchOpen(true)]
  ])

  return (
    <AppShell
      header={{ height: 44 }}
      navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding={{ base: 'xs', sm: 'md' }}
    >
      <AppShell.Header px={{ base: 'xs', sm: 'md' }}>
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('app.nav.menu')} />
            <Text fw={700} c="indigo.7">
              {t('common.appName')}
            </Text>
            <Text size="sm" c="dimmed" truncate visibleFrom="sm">
              {companyName}
            </Text>
          </Group>
          <ActionIcon variant="default" size="lg" hiddenFrom="sm" aria-label={t('app.search.open')} onClick={() => setSearchOpen(true)}>
            <IconSearch size={16} />
          </ActionIcon>
          <Button
            visibleFrom="sm"
            variant="default"
            size="xs"
            w={320}
            justify="space-between"
            leftSection={<IconSearch size={14} />}
            rightSection={<Kbd size="xs">Ctrl K</Kbd>}
            onClick={() => setSearchOpen(true)}
            data-testid="global-search-button"
          >
            <Text size="xs" c="dimmed">
              {t('app.search.button')}
            </Text>
          </Button>
          <Menu position="bottom-end" width={320}>
            <Menu.Target>
              <UnstyledButton data-testid="user-menu">
                <Group gap={6} wrap="nowrap">
                  <div style={{ textAlign: 'right' }}>
                    <Text size="sm" fw={500} lh={1.1}>
                      {user?.displayName}
                    </Text>
                    <Text size="xs" c="dimmed" lh={1.1} data-testid="user-roles">
                      {user?.roles.map((r) => t(`enums.role.${r}`)).join(', ')}
                    </Text>
                  </div>
                  <IconChevronDown size={14} />
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('app.user.signedInAs', { username: user?.username ?? '' })}</Menu.Label>
              <Menu.Divider />
              <Menu.Label>{t('common.language')}</Menu.Label>
              {APP_LANGUAGES.map((l) => (
                <Menu.Item
                  key={l}
                  data-testid={`language-${l}`}
                  leftSection={user?.language === l ? <IconCheck size={14} /> : <span style={{ width: 14 }} />}
                  onClick={() => setPreference({ language: l })}
                >
                  {t(`format.languages.${l}`)}
                </Menu.Item>
              ))}
              <Menu.Label>{t('common.csvDialect')}</Menu.Label>
              {CSV_DIALECTS.map((d) => (
                <Menu.Item
                  key={d}
                  data-testid={`csv-dialect-${d}`}
                  leftSection={user?.csvDialect === d ? <IconCheck size={14} /> : <span style={{ width: 14 }} />}
                  onClick={() => setPreference({ csvDialect: d })}
                >
                  {t(`format.csvDialects.${d}`)}
                </Menu.Item>
              ))}
              <Menu.Divider />
              <Menu.Item leftSection={<IconLogout size={14} />} onClick={() => signOut.mutate({})}>
                {t('app.user.signOut')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p={6}>
        <ScrollArea>
          {navFor(can).map((section) => (
            <div key={section.section}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase" px={8} pt={10} pb={2}>
                {t(section.section)}
              </Text>
              {section.items.map((item) => (
                <NavLink
                  key={item.path}
                  component={RouterNavLink}
                  to={item.path}
                  label={t(item.labelKey)}
                  leftSection={<item.icon size={16} stroke={1.6} />}
                  active={location.pathname === item.path || location.pathname.startsWith(`${item.path}/`)}
                  onClick={nav.close}
                  py={4}
                />
              ))}
            </div>
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
      <GlobalSearch opened={searchOpen} onClose={() => setSearchOpen(false)} />
    </AppShell>
  )
}
