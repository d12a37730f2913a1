import { queryOptions, useQuery } from '@tanstack/react-query'
import { can, type Permission } from '@shared/auth/roles'
import { call } from './api'
import { applyLanguage } from './i18n'

export const authKeys = { status: ['auth', 'status'] as const }

export const authStatusQuery = queryOptions({
  queryKey: authKeys.status,
  queryFn: async () => {
    const status = await call('auth.status', {})
    applyLanguage(status.user?.language ?? status.language)
    return status
  },
  staleTime: Infinity
})

/** The signed-in user and what their roles allow — for showing the right controls; services enforce. */
export function useSession() {
  const { data } = useQuery(authStatusQuery)
  const user = data?.user ?? null
  return {
    user,
    companyName: data?.companyName ?? 'Hooldus',
    can: (permission: Permission) => (user ? can(user.roles, permission) : false)
  }
}
