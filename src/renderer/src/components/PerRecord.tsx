import { Fragment, type ReactNode } from 'react'
import { useLocation } from 'react-router'

/**
 * Gives a record screen a fresh instance per address. React Router keeps the same component when only
 * the :id changes (e.g. /users/2 → /users/new), and the editor's form would keep the old record's values.
 */
export function PerRecord({ children }: { children: ReactNode }) {
  const { pathname, search } = useLocation()
  return <Fragment key={pathname + search}>{children}</Fragment>
}
