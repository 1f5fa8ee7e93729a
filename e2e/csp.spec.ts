import { expect, test } from '@playwright/test'

test.use({ testIdAttribute: 'data-test' })

test('the production build runs under its Content-Security-Policy with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] }
    w.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  const response = await page.goto('./?lang=en')
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /object-src 'none'/)
  await expect(page.getByTestId('map-panel').locator('canvas').first()).toBeVisible()
  const read = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)
  expect(await read()).toEqual([])
  // Drill into a city and switch the theme, so lazily loaded boundary files and styles run too.
  await page.goto('./?lang=en#/?region=320200')
  await expect(page.getByTestId('map-panel')).toHaveAttribute('data-map', '320200')
  await page.getByTestId('theme-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', /dark|light/)
  expect(await read()).toEqual([])

  // The import dialog with a preview, and a chart's export menu, which load on demand.
  await page.getByTestId('import-file').setInputFiles(new URL('./fixtures/import/long-utf8-bom.csv', import.meta.url).pathname)
  await expect(page.getByTestId('import-counts')).toBeVisible()
  await page.getByTestId('import-cancel').click()
  await page.getByTestId('map-panel').getByTestId('export-menu').click()
  await page.keyboard.press('Escape')
  expect(await read()).toEqual([])

  // The big screen, all 95 districts on one map.
  await page.goto('./?lang=en#/bigscreen?level=district')
  await expect(page.locator('canvas').first()).toBeVisible()
  await page.waitForTimeout(500)
  expect(await read()).toEqual([])
})

test('the policy does block an inline script, so the check above can fail', async ({ page }) => {
  await page.goto('./')
  const blocked = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective))
        const s = document.createElement('script')
        s.textContent = 'window.__ran = true'
        document.body.append(s)
      }),
  )
  expect(blocked).toMatch(/^script-src/)
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined()
})
