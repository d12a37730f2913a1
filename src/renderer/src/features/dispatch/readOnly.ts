import { createContext } from 'react'

/**
 * The board seen without `dispatch.plan`: cards neither drag nor resize. A context rather than a prop, so the
 * memoised rows need not carry it.
 */
export const BoardReadOnly = createContext(false)
