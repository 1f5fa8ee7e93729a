#!/usr/bin/env node
/**
 * Runs npm scripts side by side (`node scripts/parallel.mjs lint typecheck`), each one's output kept
 * together and printed when it ends; exits non-zero if any of them failed. Lint and the type-check
 * are each single-threaded, so on two cores they take the time of the longer one.
 */
import { spawn } from 'node:child_process'

const names = process.argv.slice(2)
const runs = names.map(
  (name) =>
    new Promise((resolve) => {
      const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] })
      const out = []
      child.stdout.on('data', (d) => out.push(d))
      child.stderr.on('data', (d) => out.push(d))
      child.on('close', (code) => {
        process.stdout.write(`> npm run ${name}\n${Buffer.concat(out).toString()}`)
        if (code !== 0) process.stdout.write(`npm run ${name} failed (exit ${code})\n`)
        resolve(code ?? 1)
      })
    }),
)
const codes = await Promise.all(runs)
process.exit(codes.some((c) => c !== 0) ? 1 : 0)
