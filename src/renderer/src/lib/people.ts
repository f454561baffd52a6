import { personName } from '../../../core/history'
import type { Reviewer } from '../../../core/model'

/**
 * The reviewers a claim can be given to or the list filtered by: everyone the article names, and whoever reviews here
 * (before their first change they are not in it yet), by name.
 */
export function reviewerOptions(people: Readonly<Record<string, string>>, me: Reviewer | null = null): Reviewer[] {
  const byId = new Map(Object.keys(people).map((id) => [id, personName(people, id)]))
  if (me && !byId.has(me.id)) byId.set(me.id, me.name)
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}
