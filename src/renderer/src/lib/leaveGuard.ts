import { useEffect } from 'react'

/** The warnings of the records on screen with unsaved edits (usually one). */
const guards = new Set<{ warning: string }>()

/**
 * While `dirty`, leaving the screen asks first: a click on a link to another screen (the navigation, a
 * breadcrumb, a link in a table) and closing or reloading the window (`beforeunload`; in Electron the main
 * process asks, electron/window.ts). The app routes in the
 * URL's hash without a data router, so link clicks are checked before the router sees them (capture
 * phase); navigations the app starts itself ask through `confirmLeave`.
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
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
      const link = e.target instanceof Element ? e.target.closest('a[href]') : null
      const href = link?.getAttribute('href')
      if (!href?.startsWith('#/') || href === window.location.hash) return
      if (!window.confirm(warning)) {
        e.preventDefault()
        e.stopPropagation()
      }
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    document.addEventListener('click', onClick, true)
    return () => {
      guards.delete(guard)
      window.removeEventListener('beforeunload', onBeforeUnload)
      document.removeEventListener('click', onClick, true)
    }
  }, [dirty, warning])
}

/** Before the app navigates by itself (e.g. opening a search hit): true when nothing unsaved is on screen or the user agrees to leave it. */
export function confirmLeave(): boolean {
  const [first] = guards
  return first === undefined || window.confirm(first.warning)
}
