import { boardAccess } from '@shared/auth/workspace'
import { useSession } from '../../lib/session'
import { DispatchBoard } from './DispatchBoard'
import { MyWork } from './MyWork'

/** /dispatch: planners get the board, the rest of the office sees it read-only, a technician gets their own work. */
export function DispatchPage() {
  const { user } = useSession()
  const access = boardAccess(user?.roles ?? [])
  return access === 'none' ? <MyWork /> : <DispatchBoard readOnly={access === 'view'} />
}
