import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/notifications/styles.css'
import { Center, Loader, MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider, useQuery } from '@tanstack/react-query'
import { HashRouter } from 'react-router'
import { authStatusQuery } from '../lib/session'
import { SetupScreen } from '../features/auth/SetupScreen'
import { SignInScreen } from '../features/auth/SignInScreen'
import { queryClient } from '../lib/queryClient'
import { AppRoutes } from './routes'
import { Shell } from './Shell'
import { theme } from './theme'

function AuthGate() {
  const status = useQuery(authStatusQuery)
  if (status.isLoading) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    )
  }
  if (status.isError || !status.data) {
    return <Center h="100vh">Hooldus cannot reach its database: {(status.error as Error | null)?.message}</Center>
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

export function App() {
  return (
    <MantineProvider theme={theme}>
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <AuthGate />
      </QueryClientProvider>
    </MantineProvider>
  )
}
