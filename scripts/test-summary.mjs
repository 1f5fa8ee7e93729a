// One closing line for the whole suite (unit + browser), read from the runners' JSON reports.
import { readFileSync } from 'node:fs'

function read(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

const unit = read('.test-reports/unit.json')
const e2e = read('.test-reports/e2e.json')
let passed = 0
let failed = 0
let skipped = 0
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0)
}
if (e2e) {
  passed += e2e.stats.expected + (e2e.stats.flaky ?? 0)
  failed += e2e.stats.unexpected
  skipped += e2e.stats.skipped
}
if (!unit || !e2e) {
  console.error(`missing test report: ${!unit ? 'unit ' : ''}${!e2e ? 'e2e' : ''}`)
  process.exit(1)
}
console.log(`\nunit ${unit.numPassedTests}/${unit.numTotalTests}, browser ${e2e.stats.expected + (e2e.stats.flaky ?? 0)}/${e2e.stats.expected + e2e.stats.unexpected + e2e.stats.flaky + e2e.stats.skipped}`)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
