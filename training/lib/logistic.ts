// L2-regularised logistic regression by L-BFGS over a sparse matrix: deterministic, no randomness at all.
import type { Matrix } from './sparse'

export interface TrainOptions {
  /** L2 strength on the weights (not on the bias), per unit of average sample weight */
  lambda: number
  maxIterations?: number
  memory?: number
  tolerance?: number
}

export interface Linear {
  /** one weight per matrix column */
  w: Float64Array
  bias: number
  /** L-BFGS iterations taken */
  iterations: number
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))
}
function softplus(z: number): number {
  return z > 30 ? z : z < -30 ? Math.exp(z) : Math.log1p(Math.exp(z))
}

/** Logits of the given rows. */
export function logits(X: Matrix, model: Linear, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length)
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!
    let z = model.bias
    for (let j = X.rowPtr[r]!; j < X.rowPtr[r + 1]!; j++) z += model.w[X.col[j]!]! * X.val[j]!
    out[k] = z
  }
  return out
}

/** Train on `rows` with labels y (0/1) and sample weights c (both indexed by matrix row). */
export function trainLogistic(X: Matrix, rows: ArrayLike<number>, y: ArrayLike<number>, c: ArrayLike<number>, options: TrainOptions): Linear {
  const n = X.cols + 1 // last: bias
  const maxIterations = options.maxIterations ?? 300
  const m = options.memory ?? 10
  const tolerance = options.tolerance ?? 1e-6
  let total = 0
  for (let k = 0; k < rows.length; k++) total += c[rows[k]!]!
  const lambda = options.lambda

  const evaluate = (x: Float64Array, g: Float64Array): number => {
    g.fill(0)
    let f = 0
    const bias = x[n - 1]!
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!
      const start = X.rowPtr[r]!
      const end = X.rowPtr[r + 1]!
      let z = bias
      for (let j = start; j < end; j++) z += x[X.col[j]!]! * X.val[j]!
      const weight = c[r]! / total
      const label = y[r]!
      f += weight * (label === 1 ? softplus(-z) : softplus(z))
      const residual = weight * (sigmoid(z) - label)
      for (let j = start; j < end; j++) g[X.col[j]!]! += residual * X.val[j]!
      g[n - 1]! += residual
    }
    for (let i = 0; i < n - 1; i++) {
      f += 0.5 * lambda * x[i]! * x[i]!
      g[i]! += lambda * x[i]!
    }
    return f
  }

  const x = new Float64Array(n)
  const g = new Float64Array(n)
  let f = evaluate(x, g)
  const S: Float64Array[] = []
  const Yv: Float64Array[] = []
  const rho: number[] = []
  const d = new Float64Array(n)
  const xNew = new Float64Array(n)
  const gNew = new Float64Array(n)
  const alpha = new Float64Array(m)
  const dot = (a: Float64Array, b: Float64Array): number => {
    let s = 0
    for (let i = 0; i < n; i++) s += a[i]! * b[i]!
    return s
  }
  let iterations = 0
  for (let iter = 0; iter < maxIterations; iter++) {
    iterations = iter + 1
    // two-loop recursion: d = -H g
    for (let i = 0; i < n; i++) d[i] = -g[i]!
    for (let k = S.length - 1; k >= 0; k--) {
      const a = rho[k]! * dot(S[k]!, d)
      alpha[k] = a
      const yk = Yv[k]!
      for (let i = 0; i < n; i++) d[i]! -= a * yk[i]!
    }
    if (S.length > 0) {
      const last = S.length - 1
      const gamma = dot(S[last]!, Yv[last]!) / dot(Yv[last]!, Yv[last]!)
      for (let i = 0; i < n; i++) d[i]! *= gamma
    } else {
      const norm = Math.sqrt(dot(g, g))
      for (let i = 0; i < n; i++) d[i]! /= Math.max(norm, 1e-12)
    }
    for (let k = 0; k < S.length; k++) {
      const b = rho[k]! * dot(Yv[k]!, d)
      const sk = S[k]!
      for (let i = 0; i < n; i++) d[i]! += (alpha[k]! - b) * sk[i]!
    }
    let slope = dot(g, d)
    if (slope >= 0) {
      // not a descent direction: restart from steepest descent
      S.length = 0
      Yv.length = 0
      rho.length = 0
      for (let i = 0; i < n; i++) d[i] = -g[i]!
      slope = dot(g, d)
    }
    // backtracking line search (Armijo)
    let step = 1
    let fNew = 0
    let accepted = false
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * d[i]!
      fNew = evaluate(xNew, gNew)
      if (fNew <= f + 1e-4 * step * slope) {
        accepted = true
        break
      }
      step *= 0.5
    }
    if (!accepted) break
    const s = new Float64Array(n)
    const yv = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!
      yv[i] = gNew[i]! - g[i]!
    }
    const sy = dot(s, yv)
    if (sy > 1e-12) {
      if (S.length === m) {
        S.shift()
        Yv.shift()
        rho.shift()
      }
      S.push(s)
      Yv.push(yv)
      rho.push(1 / sy)
    }
    const improvement = (f - fNew) / Math.max(1, Math.abs(f))
    x.set(xNew)
    g.set(gNew)
    f = fNew
    if (improvement < tolerance) break
  }
  return { w: x.subarray(0, n - 1), bias: x[n - 1]!, iterations }
}

/** Platt scaling: a, b so that sigmoid(a z + b) fits the labels (Newton on two parameters, Platt's targets). */
export function fitPlatt(z: ArrayLike<number>, y: ArrayLike<number>): { a: number; b: number } {
  let positives = 0
  for (let i = 0; i < y.length; i++) positives += y[i]!
  const negatives = y.length - positives
  const hi = (positives + 1) / (positives + 2)
  const lo = 1 / (negatives + 2)
  let a = 1
  let b = 0
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0
    for (let i = 0; i < z.length; i++) {
      const t = y[i] === 1 ? hi : lo
      const p = sigmoid(a * z[i]! + b)
      const r = p - t
      const w = Math.max(p * (1 - p), 1e-12)
      ga += r * z[i]!
      gb += r
      haa += w * z[i]! * z[i]!
      hab += w * z[i]!
      hbb += w
    }
    haa += 1e-9
    hbb += 1e-9
    const det = haa * hbb - hab * hab
    const da = (hbb * ga - hab * gb) / det
    const db = (haa * gb - hab * ga) / det
    a -= da
    b -= db
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break
  }
  return { a, b }
}
