import { QueryClient } from '@tanstack/react-query'
import { isApiError } from './api'

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refusal will not change on retry; only a lost connection might.
      retry: (count, error) => !isApiError(error) && count < 2
    }
  }
})
