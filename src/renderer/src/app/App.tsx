import type { ReactNode } from 'react'
import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/notifications/styles.css'
import { Center, Loader, MantineProvider } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider, useQuery } from '@tanstack/react-query'
import { I18nextProvider } from 'react-i18next'
import { HashRouter } from 'react-router'
import { i18n, useLanguage, useT } from '../lib/i18n'
import { authStatusQuery } from '../lib/session'
import { SetupScreen } from '../features/auth/SetupScreen'
import { SignInScreen } from '../features/auth/SignInScreen'
import { queryClient } from '../lib/queryClient'
import { AppRoutes } from './routes'
import { Shell } from './Shell'
import { theme } from './theme'

function AuthGate() {
  const t = useT()
  const status = useQuery(authStatusQuery)
  if (status.isLoading) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    )
  }
  if (status.isError || !status.data) {
    return <Center h="100vh">{t('app.noDatabase', { message: (status.error as Error | null)?.message ?? '' })}</Center>
  }
  if (status.data.needsSetup) return <SetupScreen />
  if (!status.data.user) return <SignInScreen companyName={status.data.companyName} />
  return (
    <HashRouter>
      <Shell>
        <AppRoutes />
      </Shell>
    </HashRouter>
  )
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
            <AuthGate />
          </QueryClientProvider>
        </LocalisedDates>
      </MantineProvider>
    </I18nextProvider>
  )
}
