import { type FocusEvent, type MouseEvent } from 'react'

/**
 * Selects a number field's whole value when it gets the focus, so that typing replaces it — at once, in
 * the focus event. Mantine's `selectAllOnFocus` selects in a timer (and react-number-format calls
 * `onFocus` itself from a timer): a key typed before the timer fired (a quick typist, a busy machine) was
 * selected and replaced by the next key, and the first digit was lost. Hence the capture-phase handler,
 * which the number input passes through untouched. A click into an unfocused field would place a caret
 * over the selection as its default action, so that click focuses the field itself instead.
 */
export function useSelectOnFocus<E extends HTMLInputElement>(handlers: {
  onFocusCapture?: (e: FocusEvent<E>) => void
  onMouseDown?: (e: MouseEvent<E>) => void
}) {
  return {
    onFocusCapture: (e: FocusEvent<E>) => {
      e.currentTarget.select()
      handlers.onFocusCapture?.(e)
    },
    onMouseDown: (e: MouseEvent<E>) => {
      if (document.activeElement !== e.currentTarget) {
        e.preventDefault()
        e.currentTarget.focus()
      }
      handlers.onMouseDown?.(e)
    }
  }
}
