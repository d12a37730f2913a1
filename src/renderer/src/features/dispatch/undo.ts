/**
 * Undo / redo for the board as a stack of the server's change ids. Every board change saves the rows it
 * changed (ADR 0016); undoing asks the server to put the rows back as they were, redoing as the change left
 * them — exactly, including what the change did in passing (the responsible technician a drop named, the
 * lines it handed over), and with the same assignment ids, so older entries stay valid.
 */

export interface Slot {
  workerId: number
  start: number
  end: number
}
export type BoardOp =
  | ({ kind: 'assign'; orderId: number } & Slot)
  | ({ kind: 'move'; id: number } & Slot)
  | { kind: 'unassign'; id: number }

/** Runs one step of a recorded change on the server. */
export type Stepper = (changeId: number, direction: 'undo' | 'redo') => Promise<void>

export class UndoStack {
  private undoIds: number[] = []
  private redoIds: number[] = []

  constructor(private readonly limit = 100) {}

  get canUndo(): boolean {
    return this.undoIds.length > 0
  }
  get canRedo(): boolean {
    return this.redoIds.length > 0
  }

  /** Records a change the user just made; a change that changed nothing (null) is not recorded. A new change clears redo. */
  record(changeId: number | null): void {
    if (changeId === null) return
    this.undoIds.push(changeId)
    if (this.undoIds.length > this.limit) this.undoIds.shift()
    this.redoIds = []
  }

  async undo(run: Stepper): Promise<boolean> {
    return this.step(this.undoIds, this.redoIds, run, 'undo')
  }

  async redo(run: Stepper): Promise<boolean> {
    return this.step(this.redoIds, this.undoIds, run, 'redo')
  }

  clear(): void {
    this.undoIds = []
    this.redoIds = []
  }

  private async step(from: number[], to: number[], run: Stepper, direction: 'undo' | 'redo'): Promise<boolean> {
    const id = from.pop()
    if (id === undefined) return false
    try {
      await run(id, direction)
      to.push(id)
      return true
    } catch (e) {
      // A refused step stays where it was, so the user can retry after reloading or fixing the cause.
      from.push(id)
      throw e
    }
  }
}
