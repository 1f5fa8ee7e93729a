import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'

/**
 * A province's monthly county history far past the old 50 MB cap: a 150 MB tidy CSV, made here in
 * a temporary folder, is read piece by piece in the loader worker, previewed, saved and shown,
 * and shown again after a reload (read back from IndexedDB).
 */
test.use({ testIdAttribute: 'data-test' })

const TARGET_BYTES = 150 * 1024 * 1024
const catalogue = <T>(name: string) => JSON.parse(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8')) as T

/** Every district × indicator × month from 1900 on, until the file has 150 MB. Returns the rows. */
function writeTidy(path: string): number {
  const districts = catalogue<{ regions: { adcode: string; name: string; level: string }[] }>('regions.json').regions.filter((r) => r.level === 'district')
  const ids = catalogue<{ indicators: { id: string }[] }>('indicators.json').indicators.map((i) => i.id)
  const parts: string[] = ['region_code,region,period,indicator,value\n']
  let size = parts[0]!.length
  let rows = 0
  for (let year = 1950; size < TARGET_BYTES; year++) {
    for (let month = 1; month <= 12; month++) {
      const period = `${year}-${String(month).padStart(2, '0')}`
      let chunk = ''
      for (const d of districts) for (const [k, id] of ids.entries()) chunk += `${d.adcode},${d.name},${period},${id},${(rows++ + k) % 90}\n`
      parts.push(chunk)
      size += Buffer.byteLength(chunk)
    }
  }
  writeFileSync(path, parts.join(''))
  return rows
}

test('a 150 MB tidy CSV imports, shows, and comes back after a reload', async ({ page }) => {
  test.setTimeout(90_000)
  const dir = mkdtempSync(join(tmpdir(), 'union-large-'))
  try {
    const file = join(dir, 'province-history.csv')
    const rows = writeTidy(file)
    expect(statSync(file).size).toBeGreaterThanOrEqual(TARGET_BYTES)
    await page.goto('./')
    await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).not.toHaveText('')
    await page.getByTestId('import-file').setInputFiles(file)
    const dialog = page.getByTestId('import-dialog')
    await expect(dialog.getByTestId('count-facts')).toBeVisible({ timeout: 45_000 })
    expect(Number((await dialog.getByTestId('count-facts').textContent())?.replace(/\D/g, ''))).toBe(rows)
    await expect(dialog.getByTestId('count-rejected')).toHaveCount(0)
    await page.getByTestId('import-confirm').click()
    await expect(dialog).toBeHidden({ timeout: 30_000 })
    await expect(page.getByTestId('data-notice')).toContainText('province-history')
    await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).not.toHaveText('')
    await page.reload()
    await expect(page.getByTestId('data-notice')).toContainText('province-history', { timeout: 30_000 })
    await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).not.toHaveText('')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
