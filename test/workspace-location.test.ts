import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveWorkspaceDir } from '../src/main/workspace/location'

describe('workspace location', () => {
  it('prefers --workspace, then FACTMARK_WORKSPACE, then the default', () => {
    expect(resolveWorkspaceDir(['electron', 'main.js', '--workspace', 'ws-arg'], { FACTMARK_WORKSPACE: 'ws-env' }, '/default')).toBe(resolve('ws-arg'))
    expect(resolveWorkspaceDir(['--workspace=ws-eq'], {}, '/default')).toBe(resolve('ws-eq'))
    expect(resolveWorkspaceDir(['main.js'], { FACTMARK_WORKSPACE: 'ws-env' }, '/default')).toBe(resolve('ws-env'))
    expect(resolveWorkspaceDir(['main.js'], { FACTMARK_WORKSPACE: ' ' }, '/default')).toBe('/default')
  })
})
