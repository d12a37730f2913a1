interface TreeRow {
  id: number
  code: string
  parentId: number | null
}

/**
 * Rows in tree order (each parent followed by its children, siblings by code) with their depth. A row
 * whose parent is missing from the list is shown as a root, so nothing is ever hidden.
 */
export function treeOrder<R extends TreeRow>(rows: readonly R[]): { row: R; depth: number }[] {
  const ids = new Set(rows.map((r) => r.id))
  const children = new Map<number | null, R[]>()
  for (const r of rows) {
    const parent = r.parentId !== null && ids.has(r.parentId) ? r.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), r])
  }
  const out: { row: R; depth: number }[] = []
  const seen = new Set<number>()
  const walk = (parent: number | null, depth: number) => {
    for (const r of [...(children.get(parent) ?? [])].sort((a, b) => a.code.localeCompare(b.code))) {
      if (seen.has(r.id)) continue
      seen.add(r.id)
      out.push({ row: r, depth })
      walk(r.id, depth + 1)
    }
  }
  walk(null, 0)
  // A cycle (which the API refuses) would leave rows unvisited: show them at the top level.
  for (const r of rows) if (!seen.has(r.id)) out.push({ row: r, depth: 0 })
  return out
}

/** The ids of a row and everything below it: a group cannot move inside itself. */
export function subtreeIds(rows: readonly TreeRow[], rootId: number): Set<number> {
  const out = new Set([rootId])
  let grew = true
  while (grew) {
    grew = false
    for (const r of rows) {
      if (r.parentId !== null && out.has(r.parentId) && !out.has(r.id)) {
        out.add(r.id)
        grew = true
      }
    }
  }
  return out
}
