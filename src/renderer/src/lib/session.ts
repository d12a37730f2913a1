import { queryOptions, useQuery } from '@tanstack/react-query'
import { can, type Permission } from '@shared/auth/roles'
import { call } from './api'

export const authKeys = { status: ['auth', 'status'] as const }

export const authStatusQuery = queryOptions({
  queryKey: authKeys.status,
  queryFn: () => call('auth.status', {}),
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
