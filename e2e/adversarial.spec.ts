import { readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'

/**
 * The adversarial corpus (e2e/fixtures/adversarial, made by scripts/make-adversarial.ts) through the
 * import dialog in Chromium. For every file: the outcome its case states, no script from the data
 * ever runs (alert, console and page errors are trapped), hostile text stays text, and the sample
 * data shown before stays on the dashboard.
 */
test.use({ testIdAttribute: 'data-test' })

interface Case {
  file: string
  what: string
  outcome: 'ok' | 'partial' | 'error'
  codes?: string[]
  accepted?: number
}

const DIR = new URL('./fixtures/adversarial/', import.meta.url)
const { cases } = JSON.parse(readFileSync(new URL('cases.json', DIR), 'utf8')) as { cases: Case[] }

function trap(page: Page): string[] {
  const incidents: string[] = []
  page.on('dialog', (d) => {
    incidents.push(`dialog: ${d.message()}`)
    void d.dismiss()
  })
  page.on('pageerror', (e) => incidents.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') incidents.push(`console: ${m.text()}`)
  })
  return incidents
}

async function start(page: Page) {
  await page.addInitScript(() => {
    window.alert = (m?: unknown) => {
      throw new Error(`alert(${String(m)}) ran`)
    }
  })
  await page.goto('./')
  await expect(page.getByTestId('map-panel').locator('canvas').first()).toBeVisible()
}

async function stillShowsSample(page: Page) {
  await expect(page.getByTestId('import-dialog')).toBeHidden()
  await expect(page.getByTestId('sample-notice')).toBeVisible()
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).toHaveText(/\d/)
}

/** One case through the import dialog of a page already showing the sample. */
async function importAndCancel(page: Page, c: Case) {
  await page.getByTestId('import-file').setInputFiles(new URL(c.file, DIR).pathname)
  const dialog = page.getByTestId('import-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('import-counts').or(dialog.getByTestId('import-error')).first()).toBeVisible()
  const confirm = page.getByTestId('import-confirm')
  if (c.outcome === 'error') {
    await expect(confirm).toBeDisabled()
    // The dialog says why: a problem list or an error message, never nothing.
    await expect(dialog.getByTestId('problem-list').or(dialog.getByTestId('import-error')).first()).toBeVisible()
  } else {
    await expect(confirm).toBeEnabled()
    if (c.accepted !== undefined) await expect(dialog.getByTestId('count-accepted')).toContainText(String(c.accepted))
  }
  if (c.codes?.length) await expect(dialog.getByTestId('problem-list')).toBeVisible()
  // Hostile names are shown as the text they are, never as markup.
  expect(await page.locator('img[src="x"], svg[onload], script:not([src])').count()).toBe(0)
  await page.getByTestId('import-cancel').click()
  await stillShowsSample(page)
  expect(await page.evaluate(() => ({}) as Record<string, unknown>).then((o) => o.polluted)).toBeUndefined()
}

// The cases run in a few groups, each in one page, one after another, as a user would try file after
// file: every file's outcome is checked, and the sample must survive all of them, not only one.
const GROUPS = 6
for (let g = 0; g < GROUPS; g++) {
  const group = cases.filter((_, i) => i % GROUPS === g)
  test(`adversarial files, group ${g + 1} of ${GROUPS}: ${group.map((c) => c.file).join(', ')}`, async ({ page }) => {
    test.setTimeout(30_000 + group.length * 15_000)
    const incidents = trap(page)
    await start(page)
    for (const c of group) {
      await test.step(`${c.file}: ${c.what}`, async () => {
        await importAndCancel(page, c)
        expect(incidents, c.file).toEqual([])
      })
    }
  })
}

test('hostile region names appear in the problem list as plain text', async ({ page }) => {
  const incidents = trap(page)
  await start(page)
  await page.getByTestId('import-file').setInputFiles(new URL('xss-region.csv', DIR).pathname)
  const problems = page.getByTestId('problem-list')
  await expect(problems).toContainText('<img src=x onerror=alert(1)>')
  expect(await page.locator('img[src="x"]').count()).toBe(0)
  await page.getByTestId('import-cancel').click()
  expect(incidents).toEqual([])
})

test('sources with markup, javascript: URLs and formulas import as plain text', async ({ page }) => {
  const incidents = trap(page)
  await start(page)
  await page.getByTestId('import-file').setInputFiles(new URL('xss-source.csv', DIR).pathname)
  await page.getByTestId('import-confirm').click()
  await expect(page.getByTestId('import-dialog')).toBeHidden()
  await page.goto('./#/?region=321012&indicator=legal_aid_cases&period=2023')
  const card = page.getByTestId('kpi-selected')
  await expect(card).toContainText('<img src=x onerror=alert(1)>')
  expect(await page.locator('img[src="x"], a[href^="javascript:"]').count()).toBe(0)
  expect(incidents).toEqual([])
})

test('inputs too large to commit: a 40 MB field, a 210 MB JSON file and a 250 MB CSV that is no tidy table', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  const incidents = trap(page)
  await start(page)
  // A single 40 MB field: the parser reads it and reports the row.
  const field = testInfo.outputPath('big-field.csv')
  writeFileSync(field, `region_code,region,period,indicator,value,source\n321012,江都区,2023,legal_aid_cases,12,"${'x'.repeat(40 * 2 ** 20)}"\n`)
  await page.getByTestId('import-file').setInputFiles(field)
  await expect(page.getByTestId('import-counts').or(page.getByTestId('import-error')).first()).toBeVisible({ timeout: 60_000 })
  await page.getByTestId('import-cancel').click()
  await stillShowsSample(page)
  // Over the limit of files read whole: refused, with the limit named.
  for (const [name, mb] of [
    ['huge.json', 210],
    ['huge.csv', 250],
  ] as const) {
    const path = testInfo.outputPath(name)
    writeFileSync(path, '')
    truncateSync(path, mb * 2 ** 20)
    await page.getByTestId('import-file').setInputFiles(path)
    await expect(page.getByTestId('problem-list')).toContainText('200.0 MB', { timeout: 60_000 })
    await page.getByTestId('import-cancel').click()
    await stillShowsSample(page)
  }
  expect(incidents).toEqual([])
})
