import { sentenceAfter, sentenceBefore } from '../../../core/sentences'
import { VERDICT_BY_KEY } from './verdicts'
import { deleteClaim } from './claim-actions'
import { markSelection } from './marking'
import { notices } from '../state/notices.svelte'
import { reader } from '../state/reader.svelte'
import type { ReviewSession } from '../state/review.svelte'

export interface ShortcutActions {
  showShortcuts(): void
  exportReport(): void
  addNote(): void
  addSource(): void
  search(): void
}

/** Whether a key press belongs to a text field (where letters type and Ctrl+Z undoes typing). */
function inTextField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null
  return !!element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName))
}

/** The app's keyboard shortcuts; returns true when the key was used. */
export function handleShortcut(event: KeyboardEvent, session: ReviewSession | null, actions: ShortcutActions): boolean {
  if (document.querySelector('dialog[open]')) return false
  const ctrl = event.ctrlKey || event.metaKey
  if (inTextField(event.target)) {
    // Esc leaves a text field, so the single-key shortcuts work again.
    if (event.key !== 'Escape') return false
    ;(event.target as HTMLElement).blur()
    return true
  }
  if (ctrl && !event.altKey && event.key.toLowerCase() === 'z') {
    if (!session) return false
    void (event.shiftKey ? session.redo() : session.undo())
    return true
  }
  if (ctrl && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'e') {
    if (session) actions.exportReport()
    return !!session
  }
  if (ctrl && !event.altKey && event.key.toLowerCase() === 'y') {
    void session?.redo()
    return !!session
  }
  if (ctrl || (event.altKey && !event.shiftKey)) return false
  if (event.key === '?') {
    actions.showShortcuts()
    return true
  }
  if (!session) return false

  if (event.code === 'BracketRight' || event.code === 'BracketLeft') {
    const forward = event.code === 'BracketRight'
    const extend = event.shiftKey
    // After pending changes, so that "M then ]" moves on from the claim just marked.
    void session.afterPending(() => moveSentence(session, forward, extend))
    return true
  }
  if (event.altKey && event.shiftKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
    window.getSelection()?.modify('extend', event.key === 'ArrowRight' ? 'forward' : 'backward', 'word')
    return true
  }
  if (event.shiftKey) return false

  if (event.key === 'g') {
    session.sidebar = session.sidebar === 'suggestions' ? 'claims' : 'suggestions'
    return true
  }
  if (session.sidebar === 'suggestions' && suggestionKey(session, event.key)) return true

  const selected = session.selected
  switch (event.key) {
    case 'm':
    case 'M':
      void markSelection(session)
      return true
    case 'j':
    case 'k': {
      const step = event.key === 'j' ? 1 : -1
      void session.afterPending(() => stepClaim(session, step))
      return true
    }
    case 'n':
      if (selected) actions.addNote()
      return !!selected
    case 's':
      if (selected) actions.addSource()
      return !!selected
    case '/':
      actions.search()
      return true
    case 'Delete':
      void deleteClaim(session)
      return true
    case 'Escape':
      session.select(null)
      reader.clearSelection()
      return true
  }
  const verdict = VERDICT_BY_KEY.get(event.key)
  if (verdict) {
    // Resolved when its turn comes, so "M then 2" sets the verdict of the claim just marked.
    void session.run((by, at) => {
      const claim = session.selected
      return claim && claim.verdict !== verdict ? { type: 'claim.setVerdict', by, at, claimId: claim.id, verdict, previous: claim.verdict } : null
    })
    return true
  }
  return false
}

/** With the suggestions listed: J and K step through them (strongest first), A accepts, X dismisses. */
function suggestionKey(session: ReviewSession, key: string): boolean {
  const insights = session.insights
  switch (key) {
    case 'j':
    case 'k':
      void session.afterPending(() => {
        const focused = insights.step(key === 'j' ? 1 : -1)
        if (focused) reader.reveal(reader.dom?.range(focused.start, focused.end))
      })
      return true
    case 'a':
    case 'x':
      void session.afterPending(() => {
        const focused = insights.focused
        if (!focused) return notices.show('Press J to step to a suggestion first.')
        void (key === 'a' ? insights.accept(focused) : insights.dismiss(focused))
      })
      return true
  }
  return false
}

function stepClaim(session: ReviewSession, step: 1 | -1): void {
  const claims = session.claims
  if (claims.length === 0) return
  const index = claims.findIndex((c) => c.id === session.selectedId)
  const next = claims[index < 0 ? (step > 0 ? 0 : claims.length - 1) : (index + step + claims.length) % claims.length]!
  session.select(next.id)
  reader.reveal(reader.painter?.rangeOf(next.id))
}

/** ] and [ select the next or previous sentence; with Shift they grow or shrink the selection by one. */
function moveSentence(session: ReviewSession, forward: boolean, extend: boolean): void {
  const { text, blocks } = session.doc.article
  const current = reader.selection
  if (extend && current) {
    if (forward) {
      const next = sentenceAfter(text, blocks, current.end)
      if (next) reader.selectText({ start: current.start, end: next.end })
    } else {
      // Drop the selection's last (or last partial) sentence, keeping at least its first one.
      const whole = sentenceBefore(text, blocks, current.end)
      const end = whole && whole.end < current.end ? whole.end : whole && whole.start > current.start ? sentenceBefore(text, blocks, whole.start)?.end : undefined
      if (end !== undefined && end > current.start) reader.selectText({ start: current.start, end })
    }
    return
  }
  const claim = session.selected
  const anchor = current ?? (claim ? claim.position : null)
  const sentence = forward
    ? sentenceAfter(text, blocks, anchor ? anchor.end : 0)
    : sentenceBefore(text, blocks, anchor ? anchor.start : text.length)
  if (sentence) reader.selectText(sentence)
}
