// @vitest-environment node
/**
 * The repository stands alone: no tracked file may read from a path outside it (such as a folder
 * beside the checkout), so that a fresh clone builds and tests with nothing beside it.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from './geo/sources'

const TEXT = /\.(ts|mts|mjs|cjs|js|vue|json|md|html|css|yml|yaml|sh)$/
/** A relative path that climbs out of the repository from the file that holds it. */
const RELATIVE = /(?:^|[\s'"`(=,])((?:\.\.\/)+[\w@.-][\w@./-]*)/g

function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files'], { cwd: repoRoot, encoding: 'utf8' }).split('\n').filter((f) => TEXT.test(f))
  } catch {
    return [] // not a git checkout (an exported tarball): nothing to check against
  }
}

export function outsideReferences(file: string, text: string): string[] {
  const found: string[] = []
  for (const m of text.matchAll(RELATIVE)) {
    const target = path.resolve(repoRoot, path.dirname(file), m[1]!)
    if (path.relative(repoRoot, target).startsWith('..')) found.push(`${file}: ${m[1]} leaves the repository`)
  }
  return found
}

describe('the repository stands alone', () => {
  it('flags a path that climbs out of the repository', () => {
    expect(outsideReferences('scripts/x.ts', "const dir = '../../beside/geo'")).not.toEqual([])
    expect(outsideReferences('src/domain/x.ts', "new URL('../../../beside/geo', import.meta.url)")).not.toEqual([])
    expect(outsideReferences('src/domain/x.ts', "import a from '../../data/regions.json'")).toEqual([])
  })

  it('has no tracked file that refers to a path outside it', () => {
    const problems = trackedFiles().flatMap((file) => {
      const full = path.join(repoRoot, file)
      if (!fs.existsSync(full) || file === 'package-lock.json' || file === 'scripts/self-contained.spec.ts') return []
      return outsideReferences(file, fs.readFileSync(full, 'utf8'))
    })
    expect(problems).toEqual([])
  })
})
