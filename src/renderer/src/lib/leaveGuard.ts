import { useEffect } from 'react'
import { useBlocker } from 'react-router'

/** The warnings of the records on screen with unsaved edits (usually one). */
const guards = new Set<{ warning: string }>()

/**
 * While `dirty`, leaving the screen asks first. Navigations inside the app (links, the app's own `navigate`,
 * the browser's back and forward buttons) are held by the router's one blocker (`LeaveBlocker`, mounted once
 * by the app); closing or reloading the window asks through `beforeunload` (in Electron the main process asks,
 * electron/window.ts).
 */
export function useLeaveGuard(dirty: boolean, warning: string): void {
  useEffect(() => {
    if (!dirty) return
    const guard = { warning }
    guards.add(guard)
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault()
      // Chromium shows its own "leave site?" text; a returnValue is still required for it to ask.
      e.returnValue = warning
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      guards.delete(guard)
      window.removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [dirty, warning])
}

// Read when a navigation starts, not when the blocker renders: a record saved and then opened at its new
// address (a new order's id) has already left the set by then.
const shouldBlock = ({ currentLocation, nextLocation }: { currentLocation: { pathname: string }; nextLocation: { pathname: string } }) =>
  guards.size > 0 && currentLocation.pathname !== nextLocation.pathname

/**
 * The router's blocker for every guarded record (a data router allows one): a blocked navigation — a back
 * button's too, which the router has already undone in the history — asks the first record's warning and
 * then goes on or stays.
 */
export function LeaveBlocker(): null {
  const blocker = useBlocker(shouldBlock)
  useEffect(() => {
    if (blocker.state !== 'blocked') return
    const [first] = guards
    if (first === undefined || window.confirm(first.warning)) blocker.proceed()
    else blocker.reset()
  }, [blocker])
  return null
}
