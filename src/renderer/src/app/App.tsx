import type { ReactNode } from 'react'
import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/notifications/styles.css'
import { Center, Loader, MantineProvider, Stack, Text } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider, useQuery } from '@tanstack/react-query'
import { useLiveUpdates } from '../lib/liveUpdates'
import { I18nextProvider } from 'react-i18next'
import { createHashRouter, RouterProvider } from 'react-router'
import { applyLanguage, i18n, useLanguage, useT } from '../lib/i18n'
import { call } from '../lib/api'
import { authStatusQuery } from '../lib/session'
import { RecoveryScreen } from '../features/auth/RecoveryScreen'
import { SetupScreen } from '../features/auth/SetupScreen'
import { ShopServerPanel } from '../features/auth/ShopServerPanel'
import { SignInScreen } from '../features/auth/SignInScreen'
import { LeaveBlocker } from '../lib/leaveGuard'
import { queryClient } from '../lib/queryClient'
import { AppRoutes } from './routes'
import { Shell } from './Shell'
import { theme } from './theme'

/**
 * Asked once before anything else: a database that failed its start-up check gets the recovery screen (ADR 0022).
 * The file that would name the company's language cannot be read, so the screen follows the system's.
 */
const recoveryQuery = {
  queryKey: ['startup', 'recovery'] as const,
  queryFn: async () => {
    const status = await call('startup.recovery', {})
    if (status.recovering) applyLanguage(navigator.language.toLowerCase().startsWith('et') ? 'et' : 'en')
    return status
  },
  staleTime: Infinity
}

function StartGate() {
  const recovery = useQuery(recoveryQuery)
  if (recovery.isLoading) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    )
  }
  if (recovery.data?.recovering) return <RecoveryScreen status={recovery.data} />
  return <AuthGate />
}

function AuthGate() {
  const t = useT()
  const status = useQuery(authStatusQuery)
  useLiveUpdates(status.data?.user?.id ?? null)
  if (status.isLoading) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    )
  }
  if (status.isError || !status.data) {
    // A shop server that cannot be reached still leaves the way back to this computer's own database.
    return (
      <Center h="100vh">
        <Stack align="center">
          <Text>{t('app.noDatabase', { message: (status.error as Error | null)?.message ?? '' })}</Text>
          <ShopServerPanel width={440} />
        </Stack>
      </Center>
    )
  }
  if (status.data.needsSetup) return <SetupScreen />
  if (!status.data.user) return <SignInScreen companyName={status.data.companyName} />
  return <RouterProvider router={appRouter()} />
}

/**
 * A data router (not `HashRouter`), because only a data router can hold a navigation — the back button's too —
 * while a record with unsaved edits asks (`LeaveBlocker`). Made once, on first sign-in: it follows the address
 * from then on, also while signed out, and each sign-in shows the screen the address names.
 */
let router: ReturnType<typeof createHashRouter> | null = null
function appRouter() {
  router ??= createHashRouter([
    {
      path: '*',
      element: (
        <Shell>
          <LeaveBlocker />
          <AppRoutes />
        </Shell>
      )
    }
  ])
  return router
}

/** Mantine's date pickers in the screen's language, weeks from Monday. */
function LocalisedDates({ children }: { children: ReactNode }) {
  return <DatesProvider settings={{ locale: useLanguage(), firstDayOfWeek: 1 }}>{children}</DatesProvider>
}

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <LocalisedDates>
          <Notifications position="bottom-right" limit={4} />
          <QueryClientProvider client={queryClient}>
            <StartGate />
          </QueryClientProvider>
        </LocalisedDates>
      </MantineProvider>
    </I18nextProvider>
  )
}
