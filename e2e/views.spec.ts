import { expect, test } from '@playwright/test'

test.use({ testIdAttribute: 'data-test' })

test('saved views: focus on opening, Escape closes, this period or the latest, rename, delete and undo', async ({ page }) => {
  await page.goto('./#/?region=320200')
  await expect(page.locator('[data-test="map-panel"] canvas').first()).toBeVisible()
  await page.getByTestId('views-toggle').click()
  const panel = page.getByTestId('views-panel')
  await expect(panel).toBeVisible()
  await expect(page.getByTestId('view-name').locator('input')).toBeFocused()

  // This period: the view keeps 2024 even though the link follows the newest year.
  await page.getByTestId('view-period-fixed').click()
  await page.getByTestId('view-name').locator('input').fill('无锡2024')
  await page.getByTestId('view-save').click()
  await expect(panel.getByTestId('view-open-无锡2024')).toContainText('固定期间')

  await page.getByTestId('view-rename-无锡2024').click()
  const rename = page.getByTestId('view-rename-input').locator('input')
  await rename.fill('无锡市二〇二四')
  await rename.press('Enter')
  await expect(panel.getByTestId('view-open-无锡市二〇二四')).toBeVisible()

  await page.getByTestId('view-remove-无锡市二〇二四').click()
  await expect(panel.getByTestId('view-open-无锡市二〇二四')).toHaveCount(0)
  await page.getByTestId('view-undo').click()
  await expect(panel.getByTestId('view-open-无锡市二〇二四')).toBeVisible()

  await page.getByTestId('view-name').locator('input').focus()
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()

  await page.goto('./')
  await page.getByTestId('views-toggle').click()
  await page.getByTestId('view-open-无锡市二〇二四').click()
  await expect(page).toHaveURL(/region=320200/)
  await expect(page).toHaveURL(/period=2024/)
})
