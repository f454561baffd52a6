import type { StoreProblem } from '../../core/api'

/** What the store found wrong with files and did about it, each said once, for the UI and the CLI to show. */
export class Problems {
  readonly #list: StoreProblem[] = []
  readonly #seen = new Set<string>()

  constructor(private readonly onAdded: () => void = () => {}) {}

  add(problem: StoreProblem): void {
    const key = `${problem.file}\u0000${problem.reason}`
    if (this.#seen.has(key)) return
    this.#seen.add(key)
    this.#list.push(problem)
    this.onAdded()
  }

  list(): StoreProblem[] {
    return [...this.#list]
  }
}
