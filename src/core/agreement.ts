// How far the reviewers of one article agree: each reviewer's own judgement of each claim, read from the log (a final
// verdict that settles a disagreement is not a judgement of its own), and Cohen's κ for each pair of reviewers over the
// claims both judged, Fleiss' κ over every claim at least two judged. Pure: no I/O.

import { personName } from './history'
import { DEFAULT_VERDICT_LABELS, VERDICTS, type ArticleDoc, type Operation, type Verdict } from './model'
import { logFold } from './log-fold'
import { findClaim } from './ops'

/** A verdict that is a judgement: anything but "unreviewed". */
export type Judgement = Exclude<Verdict, 'unreviewed'>
/** The categories κ counts, in a fixed order. */
export const JUDGEMENTS = VERDICTS.filter((v): v is Judgement => v !== 'unreviewed')

/**
 * Each reviewer's own judgement of each claim the article still has: claim id → reviewer id → verdict. It is the verdict
 * of their latest `claim.setVerdict` on that claim that is not a resolution (`resolves`); "unreviewed" withdraws it.
 * Undoing one's own verdict gives back the judgement one had before it (undoing a resolution changes no judgement). A
 * claim created with a verdict is its creator's judgement until they set another. Claims without any judgement are left
 * out; claims and reviewers are in the order they first appear.
 */
export function reviewerJudgements(doc: Pick<ArticleDoc, 'claims' | 'log'>): Map<string, Map<string, Judgement>> {
  const state = judgementState(doc.log)
  const result = new Map<string, Map<string, Judgement>>()
  for (const claim of doc.claims) {
    const s = state.get(claim.id)
    if (s?.exists && s.current.size > 0) result.set(claim.id, new Map(s.current))
  }
  return result
}

/** One claim's judgements (as reviewerJudgements gives them), worked out with the log's earlier fold: one change costs what it adds. */
export function claimJudgements(doc: Pick<ArticleDoc, 'claims' | 'log'>, claimId: string): ReadonlyMap<string, Judgement> | undefined {
  const s = judgementState(doc.log).get(claimId)
  return s?.exists && s.current.size > 0 && findClaim(doc, claimId) ? s.current : undefined
}

/** Folds the log now (when the window is idle), so that the first claim opened after it costs only what changed since. */
export function prepareJudgements(doc: Pick<ArticleDoc, 'log'>): void {
  judgementState(doc.log)
}

// Folded again only for what a change adds (core/log-fold.ts); a claim the added operations touch gets a copy of its
// state first. A snapshot changes every claim: the whole log is folded again.
const judgementState = logFold<ReadonlyMap<string, ClaimState>>({
  whole: (log) => foldJudgements(new Map(), log, null),
  extend: (earlier, added) => (added.some((op) => op.type === 'article.snapshot') ? null : foldJudgements(new Map(earlier), added, new Set()))
})

/** Folds `ops` into `state`; with `copied`, each claim's state is copied before its first change (and noted there). */
function foldJudgements(state: Map<string, ClaimState>, ops: readonly Operation[], copied: Set<string> | null): Map<string, ClaimState> {
  const stateOf = (claimId: string) => {
    let s = state.get(claimId)
    if (s && copied && !copied.has(claimId)) state.set(claimId, (s = { exists: s.exists, current: new Map(s.current), before: s.before && new Map(s.before), notJudgements: s.notJudgements && new Set(s.notJudgements) }))
    if (!s) state.set(claimId, (s = { exists: false, current: new Map(), before: null, notJudgements: null }))
    copied?.add(claimId)
    return s
  }
  for (const op of ops) {
    switch (op.type) {
      case 'claim.create': {
        const s = stateOf(op.claim.id)
        // A claim brought back (undoing its delete) keeps the judgements it had; a new one starts with its creator's.
        if (!s.exists && s.current.size === 0 && !s.before?.size) seed(s, op.claim, op.by)
        s.exists = true
        break
      }
      case 'claim.delete':
        stateOf(op.claimId).exists = false
        break
      case 'article.snapshot':
        for (const s of state.values()) s.exists = false
        for (const claim of op.claims) {
          const s = stateOf(claim.id)
          if (s.current.size === 0 && !s.before?.size) seed(s, claim, claim.createdBy)
          s.exists = true
        }
        break
      case 'claim.setVerdict': {
        const s = stateOf(op.claimId)
        if (!s.exists) break // folded while its claim was gone: it changed nothing
        // A resolution decides for everyone; undoing one (or redoing it as an undo of that undo) is no judgement either.
        if (op.resolves || (op.undoes !== undefined && s.notJudgements?.has(op.undoes))) {
          ;(s.notJudgements ??= new Set()).add(op.id)
          break
        }
        const had = s.current.get(op.by) ?? null
        const before = (s.before ??= new Map())
        before.set(op.id, had)
        const next = op.undoes !== undefined && before.has(op.undoes) ? before.get(op.undoes)! : op.verdict === 'unreviewed' ? null : op.verdict
        if (next === null) s.current.delete(op.by)
        else s.current.set(op.by, next)
        break
      }
      default:
        break
    }
  }
  return state
}

interface ClaimState {
  exists: boolean
  /** Each reviewer's judgement now (absent: none). */
  current: Map<string, Judgement>
  /** For each of a reviewer's verdicts (by operation id), the judgement its author had before it: what undoing it gives back. */
  before: Map<string, Judgement | null> | null
  /** Resolutions, and undoes of them. (Both made when first needed: most claims have neither.) */
  notJudgements: Set<string> | null
}

function seed(s: ClaimState, claim: { verdict: Verdict; verdicts?: { by: string; verdict: Verdict }[] }, creator: string): void {
  if (claim.verdicts?.length) {
    for (const v of claim.verdicts) if (v.verdict !== 'unreviewed') s.current.set(v.by, v.verdict)
  } else if (claim.verdict !== 'unreviewed') {
    s.current.set(creator, claim.verdict)
  }
}

/** κ, or null with the reason in words when it is undefined. */
export interface Kappa {
  kappa: number | null
  /** Why κ is null, for a reviewer to read. */
  reason?: string
}

export interface ReviewerCount {
  id: string
  name: string
  /** Claims they judged. */
  claims: number
}

export interface PairAgreement extends Kappa {
  a: string
  b: string
  names: [string, string]
  /** Claims both judged. */
  claims: number
  /** Of those, the claims they gave the same verdict. */
  agreed: number
}

export interface OverallAgreement extends Kappa {
  /** Claims judged by at least two reviewers: Fleiss' κ is over these. */
  claims: number
  /** Reviewers who judged at least one of them. */
  raters: number
  /** Of those claims, the ones on which every reviewer who judged it gave the same verdict. */
  agreedClaims: number
}

export interface ArticleAgreement {
  /** Every reviewer with at least one judgement, in the order they first judged. */
  reviewers: ReviewerCount[]
  /** Each pair of reviewers who both judged at least one claim (pairs with none in common are left out). */
  pairs: PairAgreement[]
  /** Fleiss' κ across all reviewers. */
  overall: OverallAgreement
  /**
   * Claims judged by at least two reviewers whose own judgements differ (`overall.claims - overall.agreedClaims`); a
   * disagreement since resolved still counts, since it is the judgements that are compared.
   */
  disagreements: number
}

export const NO_SHARED_CLAIMS = 'No claim has verdicts from two reviewers yet.'

/** Inter-rater agreement of the article's reviewers (their own judgements: see reviewerJudgements). */
export function articleAgreement(doc: Pick<ArticleDoc, 'claims' | 'log' | 'people'>): ArticleAgreement {
  const judgements = [...reviewerJudgements(doc).values()]
  const counts = new Map<string, number>()
  for (const claim of judgements) for (const id of claim.keys()) counts.set(id, (counts.get(id) ?? 0) + 1)
  const order = firstJudged(doc, counts)
  const reviewers = order.map((id) => ({ id, name: personName(doc.people, id), claims: counts.get(id)! }))

  const pairs: PairAgreement[] = []
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) {
      const a = order[i]!
      const b = order[j]!
      const table = JUDGEMENTS.map(() => JUDGEMENTS.map(() => 0))
      let claims = 0
      let agreed = 0
      for (const claim of judgements) {
        const va = claim.get(a)
        const vb = claim.get(b)
        if (va === undefined || vb === undefined) continue
        claims++
        if (va === vb) agreed++
        table[JUDGEMENTS.indexOf(va)]![JUDGEMENTS.indexOf(vb)]!++
      }
      if (claims === 0) continue
      const kappa = cohenKappa(table)
      pairs.push({
        a,
        b,
        names: [personName(doc.people, a), personName(doc.people, b)],
        claims,
        agreed,
        kappa,
        ...(kappa === null ? { reason: totalAgreementReason(onlyCategory(marginals(table)), 'both') } : {})
      })
    }
  }

  const shared = judgements.filter((claim) => claim.size >= 2)
  const rows = shared.map((claim) => JUDGEMENTS.map((v) => [...claim.values()].filter((x) => x === v).length))
  const kappa = fleissKappa(rows)
  const raters = new Set(shared.flatMap((claim) => [...claim.keys()])).size
  const agreedClaims = rows.filter((row) => row.filter((n) => n > 0).length === 1).length
  const overall: OverallAgreement = {
    kappa,
    ...(kappa === null ? { reason: shared.length === 0 ? NO_SHARED_CLAIMS : totalAgreementReason(onlyCategory(columnTotals(rows)), 'all') } : {}),
    claims: shared.length,
    raters,
    agreedClaims
  }
  return { reviewers, pairs, overall, disagreements: shared.length - agreedClaims }
}

/** Reviewer ids in the order of their first judgement in the log (any left over, say from a snapshot, after). */
function firstJudged(doc: Pick<ArticleDoc, 'log'>, counts: Map<string, number>): string[] {
  const order: string[] = []
  const seen = new Set<string>()
  for (const op of doc.log) {
    const judging = op.type === 'claim.setVerdict' ? !op.resolves : op.type === 'claim.create' && op.claim.verdict !== 'unreviewed'
    if (judging && counts.has(op.by) && !seen.has(op.by)) {
      seen.add(op.by)
      order.push(op.by)
    }
  }
  for (const id of counts.keys()) if (!seen.has(id)) order.push(id)
  return order
}

/** For each category of a square table, its row total plus its column total: how often either rater used it. */
function marginals(table: readonly (readonly number[])[]): number[] {
  return table.map((row, i) => row.reduce((s, x) => s + x, 0) + table.reduce((s, r) => s + r[i]!, 0))
}

function columnTotals(rows: readonly (readonly number[])[]): number[] {
  return (rows[0] ?? []).map((_, j) => rows.reduce((sum, row) => sum + row[j]!, 0))
}

/** The one category every judgement is in, when there is exactly one. */
function onlyCategory(totals: readonly number[]): Judgement | undefined {
  const used = totals.map((n, j) => (n > 0 ? j : -1)).filter((j) => j >= 0)
  return used.length === 1 ? JUDGEMENTS[used[0]!] : undefined
}

function totalAgreementReason(category: Judgement | undefined, who: 'both' | 'all'): string {
  const verdict = category ? ` (${DEFAULT_VERDICT_LABELS[category]})` : ''
  const subject = who === 'both' ? 'Both gave every claim they judged the same verdict' : 'Every verdict is the same one'
  return `${subject}${verdict}: agreement is total, but κ is undefined when only one verdict is ever given.`
}

/**
 * Cohen's κ from a k×k table of counts (`table[i][j]`: items the first rater put in category i and the second in j):
 * (p_o − p_e) / (1 − p_e), with p_o the share on the diagonal and p_e = Σ_k (row_k / n)(column_k / n). Null when the
 * table is empty, or when p_e = 1 (both raters used one and the same category throughout: κ is undefined).
 */
export function cohenKappa(table: readonly (readonly number[])[]): number | null {
  const n = table.reduce((sum, row) => sum + row.reduce((s, x) => s + x, 0), 0)
  if (n === 0) return null
  const k = table.length
  let diagonal = 0
  let expected = 0
  for (let i = 0; i < k; i++) {
    diagonal += table[i]![i]!
    const row = table[i]!.reduce((s, x) => s + x, 0)
    const column = table.reduce((s, r) => s + r[i]!, 0)
    expected += (row / n) * (column / n)
  }
  if (marginals(table).filter((x) => x > 0).length <= 1) return null // p_e = 1 exactly (tested on the counts: no rounding decides it)
  return (diagonal / n - expected) / (1 - expected)
}

/**
 * Fleiss' κ from an items × categories table of counts (`rows[i][j]`: raters who put item i in category j), generalised
 * to a number of raters n_i that varies by item (each n_i ≥ 2): P_i = Σ_j n_ij (n_ij − 1) / (n_i (n_i − 1)), P̄ the
 * mean of P_i, p_j = Σ_i n_ij / Σ_i n_i, P_e = Σ_j p_j², κ = (P̄ − P_e) / (1 − P_e). With the same number of raters
 * throughout it is Fleiss' (1971) own. Null when there are no items, or when every rating is in one category (P_e = 1).
 * Items with fewer than two ratings say nothing about agreement and are skipped.
 */
export function fleissKappa(rows: readonly (readonly number[])[]): number | null {
  const items = rows.filter((row) => row.reduce((s, x) => s + x, 0) >= 2)
  if (items.length === 0) return null
  let sumP = 0
  let ratings = 0
  for (const row of items) {
    const ni = row.reduce((s, x) => s + x, 0)
    sumP += row.reduce((s, x) => s + x * (x - 1), 0) / (ni * (ni - 1))
    ratings += ni
  }
  const totals = columnTotals(items)
  if (totals.filter((x) => x > 0).length <= 1) return null
  const pBar = sumP / items.length
  const pe = totals.reduce((s, x) => s + (x / ratings) ** 2, 0)
  return (pBar - pe) / (1 - pe)
}

/**
 * Landis and Koch's (1977) words for a κ, as shown to two decimals: below 0 poor, to 0.20 slight, to 0.40 fair, to
 * 0.60 moderate, to 0.80 substantial, above almost perfect. Null: "not enough data".
 */
export function kappaWords(kappa: number | null): string {
  if (kappa === null || !Number.isFinite(kappa)) return 'not enough data'
  const shown = Math.round(kappa * 100) / 100
  if (shown < 0) return 'poor'
  if (shown <= 0.2) return 'slight'
  if (shown <= 0.4) return 'fair'
  if (shown <= 0.6) return 'moderate'
  if (shown <= 0.8) return 'substantial'
  return 'almost perfect'
}

/** A κ to two decimals ("0.62", "-0.15"); never "-0.00". */
export function formatKappa(kappa: number): string {
  const fixed = kappa.toFixed(2)
  return fixed === '-0.00' ? '0.00' : fixed
}
