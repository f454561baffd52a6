/**
 * What the reviewer is typing into one field of a claim, kept apart from what is stored. Saves of other fields
 * (and of this one) complete while the reviewer goes on typing; they never overwrite the draft. A value stored
 * meanwhile by something else (undo in another field's turn, another writer) is offered beside the field instead.
 */
export class FieldDraft {
  value = $state('')
  focused = $state(false)
  /** A different value stored while the reviewer was editing this field. */
  incoming = $state<string | null>(null)
  /** Why the last save was refused, in words, shown beside the field. */
  problem = $state<string | null>(null)
  /** The stored value the draft was last in line with. */
  #base = $state('')
  /** What this field last sent to be saved. */
  #sent: string | null = null

  constructor(stored: string) {
    this.value = stored
    this.#base = stored
  }

  /** Typed but not saved yet. */
  get dirty(): boolean {
    return this.value !== this.#base
  }

  /** The stored value is now `stored` (after any save or undo). */
  follow(stored: string): void {
    if (stored === this.#base) return
    if (stored === this.value || stored === this.#sent) {
      // This field's own save landed (or someone stored the same words).
      this.#base = stored
      this.incoming = null
    } else if (!this.focused && !this.dirty) {
      this.value = stored
      this.#base = stored
      this.incoming = null
    } else {
      this.incoming = stored
    }
  }

  /** The draft to save, or null when there is nothing new in it. */
  pending(): string | null {
    if (!this.dirty) return null
    this.#sent = this.value
    return this.value
  }

  /** Takes the value stored elsewhere in place of the draft. */
  takeIncoming(): void {
    if (this.incoming === null) return
    this.value = this.incoming
    this.#base = this.incoming
    this.incoming = null
    this.problem = null
  }

  /** Leaving the field: a draft without changes takes a value that arrived meanwhile. */
  leave(): void {
    this.focused = false
    if (!this.dirty && this.incoming !== null) this.takeIncoming()
  }
}
