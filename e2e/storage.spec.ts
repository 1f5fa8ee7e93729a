import { expect, test, type Page } from '@playwright/test'

/**
 * Storage faults: a full disk, a reload in the middle of an import, two tabs importing at once and
 * a newer copy of the app upgrading the database. Each leaves the saved datasets whole and the
 * dashboard usable.
 */
test.use({ testIdAttribute: 'data-test' })

const FIXTURE = new URL('./fixtures/import/long-utf8-bom.csv', import.meta.url).pathname

async function ready(page: Page) {
  await expect(page.getByTestId('map-panel').locator('canvas').first()).toBeVisible()
  // A small imported file may have no value at province level: "no data" is a valid reading.
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).toHaveText(/\d|暂无数据/)
}

async function importFile(page: Page, name: string) {
  await page.getByTestId('import-file').setInputFiles(FIXTURE)
  await expect(page.getByTestId('import-counts')).toBeVisible()
  await page.getByTestId('import-name').locator('input').fill(name)
  await page.getByTestId('import-confirm').click()
}

/** What IndexedDB holds: the list's dataset ids and the stored data keys. */
async function stored(page: Page): Promise<{ listed: string[]; data: string[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('union-dashboard')
        req.onerror = () => reject(req.error)
        req.onsuccess = () => {
          const db = req.result
          if (!db.objectStoreNames.contains('datasets')) {
            db.close()
            resolve({ listed: [], data: [] })
            return
          }
          const s = db.transaction('datasets').objectStore('datasets')
          const keys = s.getAllKeys()
          const cat = s.get('catalog')
          s.transaction.oncomplete = () => {
            db.close()
            const list = (cat.result as { datasets: { id: string }[] } | undefined)?.datasets ?? []
            resolve({
              listed: list.map((d) => d.id).sort(),
              data: (keys.result as string[]).filter((k) => k.startsWith('data:')).map((k) => k.slice(5)).sort(),
            })
          }
        }
      }),
  )
}

test('a full disk: the import says so plainly and nothing is half-written', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (typeof key === 'string' && key.startsWith('data:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return put.call(this, value, key)
    }
  })
  await page.goto('./')
  await ready(page)
  await importFile(page, '满盘测试')
  await expect(page.getByTestId('import-error')).toContainText('存储空间已满')
  await page.getByTestId('import-cancel').click()
  await expect(page.getByTestId('sample-notice')).toBeVisible()
  expect(await stored(page)).toEqual({ listed: [], data: [] })
})

test('a reload in the middle of an import leaves the previous state intact', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  await importFile(page, '第一份')
  await expect(page.getByTestId('import-dialog')).toBeHidden()
  const before = await stored(page)
  expect(before.listed).toHaveLength(1)
  // The next import reloads the page the moment its data is handed to IndexedDB.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('reloaded')) return
    const put = IDBObjectStore.prototype.put
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const req = put.call(this, value, key)
      if (typeof key === 'string' && key.startsWith('data:')) {
        sessionStorage.setItem('reloaded', '1')
        location.reload()
      }
      return req
    }
  })
  await page.reload()
  await ready(page)
  await page.getByTestId('import-file').setInputFiles(FIXTURE)
  await expect(page.getByTestId('import-counts')).toBeVisible()
  await page.getByTestId('import-name').locator('input').fill('第二份')
  await Promise.all([page.waitForEvent('load'), page.getByTestId('import-confirm').click()])
  await ready(page)
  const after = await stored(page)
  // Either the second dataset is there whole (list and data), or not at all.
  expect(after.listed).toEqual(after.data)
  expect(after.listed).toEqual(expect.arrayContaining(before.listed))
})

test('two tabs importing at once keep both datasets', async ({ context }) => {
  const a = await context.newPage()
  const b = await context.newPage()
  await Promise.all([a.goto('./'), b.goto('./')])
  await Promise.all([ready(a), ready(b)])
  await Promise.all([importFile(a, '甲'), importFile(b, '乙')])
  await Promise.all([expect(a.getByTestId('import-dialog')).toBeHidden(), expect(b.getByTestId('import-dialog')).toBeHidden()])
  const s = await stored(a)
  expect(s.listed).toHaveLength(2)
  expect(s.data).toEqual(s.listed)
  await a.reload()
  await ready(a)
  await a.getByTestId('datasets-button').click()
  // Names are editable in place, so they are read from the rename fields.
  const names = a.getByTestId('dataset-list').locator('input')
  await expect(names).toHaveCount(2)
  expect((await names.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).sort()).toEqual(['乙', '甲'].sort())
})

test('a newer copy of the app upgrading the database is not blocked, and this tab keeps working', async ({ context }) => {
  const app = await context.newPage()
  await app.goto('./')
  await ready(app)
  await importFile(app, '升级前')
  await expect(app.getByTestId('import-dialog')).toBeHidden()
  // Another tab opens the database at a higher version, as an updated app would.
  const other = await context.newPage()
  await other.goto('./')
  const upgraded = await other.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const probe = indexedDB.open('union-dashboard')
        probe.onsuccess = () => {
          const version = probe.result.version
          probe.result.close()
          const req = indexedDB.open('union-dashboard', version + 1)
          req.onupgradeneeded = () => req.result.createObjectStore('future')
          req.onblocked = () => resolve('blocked')
          req.onsuccess = () => {
            req.result.close()
            resolve('upgraded')
          }
          req.onerror = () => resolve(`error ${String(req.error)}`)
        }
      }),
  )
  expect(upgraded).toBe('upgraded')
  await other.close()
  // The first tab reconnects for its next write.
  await importFile(app, '升级后')
  await expect(app.getByTestId('import-dialog')).toBeHidden()
  const s = await stored(app)
  expect(s.listed).toHaveLength(2)
})

test('a crashed loader worker is reported, and the next import works', async ({ page }) => {
  // Serve a worker that dies as it starts.
  await page.route(/loader\.worker.*\.js/, (route) => route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("worker crashed on purpose")' }))
  await page.goto('./')
  await page.getByTestId('import-file').setInputFiles(FIXTURE)
  await expect(page.getByTestId('import-error')).toBeVisible()
  await expect(page.getByTestId('import-error')).not.toHaveText('')
  await page.getByTestId('import-cancel').click()
  // The page stays usable; once the worker loads again, so does importing.
  await page.unroute(/loader\.worker.*\.js/)
  await page.getByTestId('import-file').setInputFiles(FIXTURE)
  await expect(page.getByTestId('import-counts')).toBeVisible()
})
