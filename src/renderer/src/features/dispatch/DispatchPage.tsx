import { useSession } from '../../lib/session'
import { DispatchBoard } from './DispatchBoard'
import { MyWork } from './MyWork'

/** /dispatch: planners get the board; a technician (no planning permission) gets their own work. */
export function DispatchPage() {
  const { can } = useSession()
  return can('dispatch.plan') ? <DispatchBoard /> : <MyWork />
}
