// Sentences as rows of a compressed sparse matrix, columns renumbered to the buckets the data uses.
import { extractFeatures, FeatureBuffer, type FeatureConfig } from '../../src/core/suggest/features'

export interface Matrix {
  rows: number
  cols: number
  rowPtr: Int32Array
  col: Int32Array
  val: Float32Array
  /** column → hashed bucket */
  bucketOf: Int32Array
}

export function featureMatrix(texts: readonly string[], config: FeatureConfig): Matrix {
  const buffer = new FeatureBuffer()
  const columnOf = new Map<number, number>()
  const bucketOf: number[] = []
  const rowPtr = new Int32Array(texts.length + 1)
  let col: number[] = []
  let val: number[] = []
  const cols: Int32Array[] = []
  const vals: Float32Array[] = []
  let nnz = 0
  texts.forEach((text, r) => {
    extractFeatures(text, config, buffer)
    for (let i = 0; i < buffer.n; i++) {
      const bucket = buffer.idx[i]!
      let c = columnOf.get(bucket)
      if (c === undefined) {
        c = bucketOf.length
        columnOf.set(bucket, c)
        bucketOf.push(bucket)
      }
      col.push(c)
      val.push(buffer.val[i]!)
    }
    nnz += buffer.n
    rowPtr[r + 1] = nnz
    if (col.length > 1 << 20) {
      cols.push(Int32Array.from(col))
      vals.push(Float32Array.from(val))
      col = []
      val = []
    }
  })
  cols.push(Int32Array.from(col))
  vals.push(Float32Array.from(val))
  const allCol = new Int32Array(nnz)
  const allVal = new Float32Array(nnz)
  let at = 0
  for (let i = 0; i < cols.length; i++) {
    allCol.set(cols[i]!, at)
    allVal.set(vals[i]!, at)
    at += cols[i]!.length
  }
  return { rows: texts.length, cols: bucketOf.length, rowPtr, col: allCol, val: allVal, bucketOf: Int32Array.from(bucketOf) }
}
