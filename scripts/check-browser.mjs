// Browser tests run in Debian's Chromium. Fail early, with the fix, when it is missing.
import { existsSync } from 'node:fs'

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(path)) {
  console.error(
    `Chromium was not found at ${path}.\n` +
      'Install it with:  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk\n' +
      '(or point CHROMIUM_PATH at a Chromium binary).',
  )
  process.exit(1)
}
