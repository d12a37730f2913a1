import { AppShell, Badge, Button, Group, Kbd, Menu, NavLink, ScrollArea, Text, Tooltip, UnstyledButton } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { IconChevronDown, IconLogout, IconSearch } from '@tabler/icons-react'
import { type ReactNode, useState } from 'react'
import { NavLink as RouterNavLink, useLocation } from 'react-router'
import { ROLE_LABELS } from '@shared/auth/roles'
import { useSignOut } from '../features/auth/mutations'
import { useSession } from '../lib/session'
import { GlobalSearch } from '../features/search/GlobalSearch'
import { NAV } from './nav'

export function Shell({ children }: { children: ReactNode }) {
  const { user, companyName, can } = useSession()
  const signOut = useSignOut()
  const location = useLocation()
  const [searchOpen, setSearchOpen] = useState(false)
  useHotkeys([
    ['mod+K', () => setSearchOpen(true)],
    ['/', () => setSearchOpen(true)]
  ])

  return (
    <AppShell header={{ height: 44 }} navbar={{ width: 210, breakpoint: 0 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Text fw={700} c="indigo.7">
              Hooldus
            </Text>
            <Text size="sm" c="dimmed" truncate>
              {companyName}
            </Text>
          </Group>
          <Button
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
              Customers, addresses, serial numbers…
            </Text>
          </Button>
          <Menu position="bottom-end" width={220}>
            <Menu.Target>
              <UnstyledButton data-testid="user-menu">
                <Group gap={6} wrap="nowrap">
                  <div style={{ textAlign: 'right' }}>
                    <Text size="sm" fw={500} lh={1.1}>
                      {user?.displayName}
                    </Text>
                    <Text size="xs" c="dimmed" lh={1.1} data-testid="user-roles">
                      {user?.roles.map((r) => ROLE_LABELS[r]).join(', ')}
                    </Text>
                  </div>
                  <IconChevronDown size={14} />
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Signed in as {user?.username}</Menu.Label>
              <Menu.Item leftSection={<IconLogout size={14} />} onClick={() => signOut.mutate({})}>
                Sign out
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p={6}>
        <ScrollArea>
          {NAV.map((section) => (
            <div key={section.section}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase" px={8} pt={10} pb={2}>
                {section.section}
              </Text>
              {section.items
                .filter((item) => !item.permission || can(item.permission))
                .map((item) =>
                  item.comingWith ? (
                    <Tooltip key={item.path} label={`Arrives with ${item.comingWith}`} position="right">
                      <NavLink
                        label={item.label}
                        leftSection={<item.icon size={16} stroke={1.6} />}
                        rightSection={
                          <Badge size="xs" variant="light" color="gray">
                            soon
                          </Badge>
                        }
                        disabled
                        py={4}
                      />
                    </Tooltip>
                  ) : (
                    <NavLink
                      key={item.path}
                      component={RouterNavLink}
                      to={item.path}
                      label={item.label}
                      leftSection={<item.icon size={16} stroke={1.6} />}
                      active={location.pathname === item.path || location.pathname.startsWith(`${item.path}/`)}
                      py={4}
                    />
                  )
                )}
            </div>
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
      <GlobalSearch opened={searchOpen} onClose={() => setSearchOpen(false)} />
    </AppShell>
  )
}
