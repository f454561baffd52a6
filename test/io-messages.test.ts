import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FactmarkError } from '../src/core/errors'
import { fileError, fileErrorMessage, fileFailureReason } from '../src/main/io-messages'
import { DurableJsonFile } from '../src/main/workspace/json-file'
import { moveAside } from '../src/main/workspace/move-aside'
import { tempDir } from './helpers/temp-dir'

/** An error as Node's fs gives it: a code, and a message naming the syscall and the full path. */
const nodeError = (code: string, path = '/home/ann/Factmark/articles/belta-2017.json') =>
  Object.assign(new Error(`${code}: something happened, open '${path}'`), { code, errno: -1, syscall: 'open', path })

describe('file-system failures in words', () => {
  it.each([
    ['ENOENT', 'read', 'Could not read belta-2017.json: it does not exist.'],
    ['ENOENT', 'save', 'Could not save belta-2017.json: its folder does not exist.'],
    ['EACCES', 'save', 'Could not save belta-2017.json: permission was denied.'],
    ['EPERM', 'delete', 'Could not delete belta-2017.json: permission was denied.'],
    ['ENOSPC', 'save', 'Could not save belta-2017.json: the disk is full.'],
    ['EROFS', 'save', 'Could not save belta-2017.json: the disk is read-only.'],
    ['EISDIR', 'read', 'Could not read belta-2017.json: it is a folder, not a file.'],
    ['ENOTDIR', 'read', 'Could not read belta-2017.json: part of its path is a file, not a folder.'],
    ['EEXIST', 'move', 'Could not move belta-2017.json: something of that name is already there.'],
    ['EMFILE', 'read', 'Could not read belta-2017.json: too many files are open; close some programs and try again.'],
    ['EBUSY', 'move aside', 'Could not move belta-2017.json aside: another program is using it.'],
    ['EIO', 'read', 'Could not read belta-2017.json: the disk reported an error while reading or writing.'],
    ['EWHATEVER', 'save', 'Could not save belta-2017.json: the system refused it.']
  ] as const)('%s while trying to %s', (code, action, message) => {
    const error = nodeError(code)
    expect(fileErrorMessage(error, error.path, action)).toBe(message)
  })

  it('names a folder as a folder', () => {
    expect(fileErrorMessage(nodeError('EACCES'), '/home/ann/Factmark', 'use as workspace')).toBe('Could not use the folder Factmark as a workspace: permission was denied.')
    expect(fileErrorMessage(nodeError('ENOENT'), '/home/ann/Factmark/trash', 'list')).toBe('Could not read the folder trash: it does not exist.')
  })

  it('never repeats Node’s code, message or the full path', () => {
    for (const code of ['ENOENT', 'EACCES', 'ENOSPC', 'EIO', 'EXDEV', 'ESOMETHINGNEW']) {
      const message = fileErrorMessage(nodeError(code), '/home/ann/Factmark/articles/belta-2017.json', 'save')
      expect(message).not.toMatch(/\bE[A-Z]{3,}\b|\/home\/ann|open '/)
    }
  })

  it('makes a FactmarkError that keeps the raw error for the log: not-found for a missing file, io otherwise', () => {
    const raw = nodeError('ENOENT')
    const missing = fileError(raw, raw.path, 'read')
    expect(missing).toBeInstanceOf(FactmarkError)
    expect(missing).toMatchObject({ code: 'not-found', cause: raw })
    expect(fileError(nodeError('ENOENT'), 'x.json', 'save').code).toBe('io')
    expect(fileError(nodeError('ENOSPC'), 'x.json', 'save', 'Nothing was written.').message).toBe('Could not save x.json: the disk is full. Nothing was written.')
    expect(fileFailureReason(fileError(nodeError('EACCES'), 'x.json', 'read'))).toBe('permission was denied')
  })
})

describe('the JSON file adapter', () => {
  it('says a file is not JSON in words, as a SyntaxError the store recognises, without quoting the file', async () => {
    const dir = await tempDir()
    const cases: [string, string][] = [
      ['{\n  "title": "Private",\n  "x": 1\n  "y": 2\n}', 'there is a mistake at line 4, column 3'],
      ['{"title": "Private draft of a very secret article"', 'the file breaks off before its end'],
      ['', 'the file is empty'],
      ['{"a":}', 'there is a mistake in it']
    ]
    for (const [text, where] of cases) {
      const path = join(dir, 'article.json')
      await writeFile(path, text)
      const error = await new DurableJsonFile(path).read().then(
        () => null,
        (e: unknown) => e
      )
      expect(error).toBeInstanceOf(SyntaxError)
      expect(error).toHaveProperty('message', where)
    }
  })

  it('reads a file an editor saved with a byte-order mark', async () => {
    const dir = await tempDir()
    const path = join(dir, 'workspace.json')
    await writeFile(path, '\uFEFF{"reviewer":"Ann"}')
    expect(await new DurableJsonFile(path).read()).toEqual({ reviewer: 'Ann' })
  })

  it('answers null for a missing file, and an io error in words for one it cannot read', async () => {
    const dir = await tempDir()
    expect(await new DurableJsonFile(join(dir, 'nothing.json')).read()).toBeNull()
    await mkdir(join(dir, 'folder.json'))
    await expect(new DurableJsonFile(join(dir, 'folder.json')).read()).rejects.toMatchObject({
      code: 'io',
      message: 'Could not read folder.json: it is a folder, not a file.'
    })
  })
})

describe('moving a file aside', () => {
  it('keeps the file beside the original under a new name', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'broken.json'), '{')
    const moved = await moveAside(join(dir, 'broken.json'), new Date('2024-03-31T12:00:00Z'))
    expect(await readdir(dir)).toEqual(['broken.corrupt-2024-03-31T12-00-00-000Z.json'])
    expect(moved).toBe(join(dir, 'broken.corrupt-2024-03-31T12-00-00-000Z.json'))
  })

  it('says in words when it cannot', async () => {
    const dir = await tempDir()
    await expect(moveAside(join(dir, 'gone.json'))).rejects.toMatchObject({ code: 'not-found', message: 'Could not move gone.json aside: it does not exist.' })
  })
})

