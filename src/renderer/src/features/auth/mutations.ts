import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Input } from '@shared/api/contract'
import { call } from '../../lib/api'

/** Signing in or out changes what every query may see: start from a clean cache. */
function useResetAfter<M extends 'auth.signIn' | 'auth.setup' | 'auth.signOut'>(method: M) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: Input<M>) => call(method, input),
    onSuccess: async () => {
      // Whoever signs in next starts on their own landing screen, not on the one the last user left open. Replacing
      // the history entry does not notify the router, which unmounts with the sign-in screen anyway.
      if (method === 'auth.signOut') window.history.replaceState(null, '', '#/')
      await qc.cancelQueries()
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' })
      await qc.resetQueries({ queryKey: ['auth'] })
    }
  })
}

export const useSignIn = () => useResetAfter('auth.signIn')
export const useSetup = () => useResetAfter('auth.setup')
export const useSignOut = () => useResetAfter('auth.signOut')
