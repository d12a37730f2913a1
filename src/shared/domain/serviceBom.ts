/**
 * A service object's structure (service BOM) as a tree of components, and its history as an append-only list
 * of change events. The stored structure is only a cache of the replayed events: `structureAsOf` answers the
 * structure on any past instant from the events alone, so the answer for a past date never changes once the
 * events up to it are written (they are never rewritten).
 */

export const BOM_CHANGE_KINDS = ['add', 'remove', 'replace', 'serial', 'move'] as const
export type BomChangeKind = (typeof BOM_CHANGE_KINDS)[number]

/** One component of a structure at some instant. `quantity` in thousandths. */
export interface BomComponent {
  id: number
  parentId: number | null
  itemId: number
  quantity: number
  unit: string
  position: string
  serial: string
}

/**
 * One change of one component. `seq` orders events written in the same millisecond. An `add` carries the
 * whole new component; `replace` the new item and serial; `serial` the new serial; `move` the new parent;
 * `remove` nothing new. Old values are kept for the history screen, replay needs only the new ones.
 */
export interface BomChange {
  seq: number
  at: number
  kind: BomChangeKind
  componentId: number
  parentId: number | null
  itemId: number
  quantity: number
  unit: string
  position: string
  serial: string
  oldItemId: number | null
  oldSerial: string
}

export type Structure = ReadonlyMap<number, BomComponent>

const byTime = (a: BomChange, b: BomChange) => a.at - b.at || a.seq - b.seq

/** Applies one change to a structure (a new map; the argument is not changed). */
export function applyChange(s: Structure, c: BomChange): Map<number, BomComponent> {
  const next = new Map(s)
  const current = next.get(c.componentId)
  switch (c.kind) {
    case 'add':
      next.set(c.componentId, {
        id: c.componentId,
        parentId: c.parentId,
        itemId: c.itemId,
        quantity: c.quantity,
        unit: c.unit,
        position: c.position,
        serial: c.serial
      })
      break
    case 'remove':
      next.delete(c.componentId)
      break
    case 'replace':
      if (current) next.set(c.componentId, { ...current, itemId: c.itemId, serial: c.serial })
      break
    case 'serial':
      if (current) next.set(c.componentId, { ...current, serial: c.serial })
      break
    case 'move':
      if (current) next.set(c.componentId, { ...current, parentId: c.parentId })
      break
  }
  return next
}

/** The structure as it was at `until` (epoch ms, inclusive): every change up to then, replayed in order. */
export function structureAsOf(changes: readonly BomChange[], until: number): Map<number, BomComponent> {
  let s: Map<number, BomComponent> = new Map()
  for (const c of [...changes].sort(byTime)) {
    if (c.at > until) break
    s = applyChange(s, c)
  }
  return s
}

export type StructureDiff =
  | { kind: 'added'; component: BomComponent }
  | { kind: 'removed'; component: BomComponent }
  | { kind: 'changed'; before: BomComponent; after: BomComponent; fields: (keyof BomComponent)[] }

const COMPARED: (keyof BomComponent)[] = ['parentId', 'itemId', 'quantity', 'unit', 'position', 'serial']

/** What differs from structure `a` to structure `b`, component by component (ordered by component id). */
export function diff(a: Structure, b: Structure): StructureDiff[] {
  const out: StructureDiff[] = []
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y)
  for (const id of ids) {
    const before = a.get(id)
    const after = b.get(id)
    if (before && !after) out.push({ kind: 'removed', component: before })
    else if (!before && after) out.push({ kind: 'added', component: after })
    else if (before && after) {
      const fields = COMPARED.filter((f) => before[f] !== after[f])
      if (fields.length > 0) out.push({ kind: 'changed', before, after, fields })
    }
  }
  return out
}

/** Applies a diff to `a`; for any structures, `applyDiff(a, diff(a, b))` equals `b`. */
export function applyDiff(a: Structure, d: readonly StructureDiff[]): Map<number, BomComponent> {
  const next = new Map(a)
  for (const x of d) {
    if (x.kind === 'removed') next.delete(x.component.id)
    else if (x.kind === 'added') next.set(x.component.id, x.component)
    else next.set(x.after.id, x.after)
  }
  return next
}

interface ParentLink {
  id: number
  parentId: number | null
}

/**
 * True when making `parentId` the parent of `id` would make a component its own ancestor: the new parent is
 * the component itself or one of its descendants. Also stops on a cycle already in the data.
 */
export function wouldCycle(nodes: readonly ParentLink[], id: number, parentId: number | null): boolean {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]))
  const seen = new Set<number>()
  for (let p = parentId; p !== null && p !== undefined; p = parentOf.get(p) ?? null) {
    if (p === id || seen.has(p)) return true
    seen.add(p)
  }
  return false
}

/** Ids of a component's descendants, deepest first (the order to remove them in). */
export function descendants(nodes: readonly ParentLink[], id: number): number[] {
  const children = new Map<number, number[]>()
  for (const n of nodes) if (n.parentId !== null) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id])
  const out: number[] = []
  const walk = (at: number, depth: number) => {
    if (depth > nodes.length) return
    for (const c of children.get(at) ?? []) {
      walk(c, depth + 1)
      out.push(c)
    }
  }
  walk(id, 0)
  return out
}

export interface TreeNode<T> {
  node: T
  depth: number
}

/** Flattens a parent-linked list into display order: each node followed by its children, by position. */
export function treeOrder<T extends ParentLink & { position: string }>(nodes: readonly T[]): TreeNode<T>[] {
  const ids = new Set(nodes.map((n) => n.id))
  const children = new Map<number | null, T[]>()
  for (const n of nodes) {
    const p = n.parentId !== null && ids.has(n.parentId) ? n.parentId : null
    children.set(p, [...(children.get(p) ?? []), n])
  }
  for (const list of children.values()) list.sort((a, b) => a.position.localeCompare(b.position, 'en', { numeric: true }) || a.id - b.id)
  const out: TreeNode<T>[] = []
  const seen = new Set<number>()
  const walk = (p: number | null, depth: number) => {
    for (const n of children.get(p) ?? []) {
      if (seen.has(n.id)) continue
      seen.add(n.id)
      out.push({ node: n, depth })
      walk(n.id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}
