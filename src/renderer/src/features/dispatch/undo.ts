/**
 * Undo / redo for the board as a stack of inverse operations. Each executed operation answers the
 * operation that reverses it (assign ↔ unassign, move ↔ move back), so undoing is just executing that
 * inverse and pushing its own inverse onto the redo stack.
 *
 * Re-assigning (undo of an unassign, redo of an assign) creates a new assignment id; older entries
 * still name the old one, so ids are resolved through an alias map when an entry runs.
 */

export interface Slot {
  workerId: number
  start: number
  end: number
}
export type BoardOp =
  /** previousId: the assignment this one re-creates (undo of an unassign), for the alias map. */
  | ({ kind: 'assign'; orderId: number; previousId?: number } & Slot)
  | ({ kind: 'move'; id: number } & Slot)
  | { kind: 'unassign'; id: number }

export interface Executed {
  /** The operation that reverses the one just executed. */
  inverse: BoardOp
  /** Set when the operation replaced an assignment id by a new one (re-assigning what was unassigned). */
  replaced?: { from: number; to: number }
}

export type Executor = (op: BoardOp) => Promise<Executed>

export class UndoStack {
  private undoOps: BoardOp[] = []
  private redoOps: BoardOp[] = []
  private aliases = new Map<number, number>()

  constructor(private readonly limit = 100) {}

  get canUndo(): boolean {
    return this.undoOps.length > 0
  }
  get canRedo(): boolean {
    return this.redoOps.length > 0
  }

  /** Records a change the user just made (its inverse); a new change clears the redo stack. */
  record(done: Executed): void {
    this.note(done)
    this.undoOps.push(done.inverse)
    if (this.undoOps.length > this.limit) this.undoOps.shift()
    this.redoOps = []
  }

  async undo(run: Executor): Promise<boolean> {
    return this.step(this.undoOps, this.redoOps, run)
  }

  async redo(run: Executor): Promise<boolean> {
    return this.step(this.redoOps, this.undoOps, run)
  }

  clear(): void {
    this.undoOps = []
    this.redoOps = []
    this.aliases.clear()
  }

  /** The current id of an assignment that may have been re-created since. */
  resolve(id: number): number {
    let cur = id
    for (let seen = 0; this.aliases.has(cur) && seen < 1000; seen++) cur = this.aliases.get(cur)!
    return cur
  }

  private note(done: Executed): void {
    if (done.replaced) this.aliases.set(done.replaced.from, done.replaced.to)
  }

  private async step(from: BoardOp[], to: BoardOp[], run: Executor): Promise<boolean> {
    const op = from.pop()
    if (!op) return false
    const resolved: BoardOp = op.kind === 'assign' ? op : { ...op, id: this.resolve(op.id) }
    try {
      const done = await run(resolved)
      this.note(done)
      to.push(done.inverse)
      return true
    } catch (e) {
      // A refused step stays where it was, so the user can retry after reloading or fixing the cause.
      from.push(op)
      throw e
    }
  }
}
