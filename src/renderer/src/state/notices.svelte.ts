export interface NoticeAction {
  label: string
  run: () => void
}

export interface Notice {
  id: number
  kind: 'error' | 'info'
  text: string
  /** One thing to do about it, such as "Undo". */
  action?: NoticeAction
}

/** Short messages for the user: failures from main (in its own words) and confirmations like "Claim deleted". */
class Notices {
  list = $state<Notice[]>([])
  #next = 1

  show(text: string, kind: Notice['kind'] = 'info', ms = kind === 'error' ? 8000 : 4000, action?: NoticeAction): void {
    const id = this.#next++
    this.list = [...this.list.slice(-2), { id, kind, text, ...(action ? { action } : {}) }]
    setTimeout(() => this.dismiss(id), ms)
  }

  error(text: string): void {
    this.show(text, 'error')
  }

  dismiss(id: number): void {
    this.list = this.list.filter((n) => n.id !== id)
  }
}

export const notices = new Notices()
