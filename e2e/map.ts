import { expect, type Page } from '@playwright/test'

interface Feature {
  properties: { adcode: string; name: string; cp?: [number, number] }
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] }
}

/**
 * Where a region is drawn on the dashboard map, in page pixels. `mapAdcode` names the boundary file
 * drawn (`320200`, or `320000-districts` for the all-district view). It reproduces how an ECharts map
 * series with `layoutCenter: ['50%', '48%']`, `layoutSize: '92%'` and the default aspectScale 0.75
 * fits a boundary file into its canvas, then checks the answer by hovering: the tooltip must name
 * the region before anything is clicked.
 */
export async function regionPoint(page: Page, mapAdcode: string, adcode: string, name: string) {
  const res = await page.request.get(`geo/${mapAdcode}.json`)
  const geo = (await res.json()) as { features: Feature[] }
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const f of geo.features) {
    const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][]
    for (const poly of polys)
      for (const ring of poly)
        for (const [x, y] of ring) {
          minX = Math.min(minX, x!)
          maxX = Math.max(maxX, x!)
          minY = Math.min(minY, y!)
          maxY = Math.max(maxY, y!)
        }
  }
  const feature = geo.features.find((f) => f.properties.adcode === adcode)
  if (!feature?.properties.cp) throw new Error(`no label point for ${adcode} in geo/${mapAdcode}.json`)
  const [lng, lat] = feature.properties.cp
  const canvas = page.getByTestId('map-panel').locator('canvas').first()
  await canvas.scrollIntoViewIfNeeded()
  const box = await canvas.boundingBox()
  if (!box) throw new Error('the map has no canvas')
  const aspect = ((maxX - minX) / (maxY - minY)) * 0.75
  const size = 0.92 * Math.min(box.width, box.height)
  const vw = aspect > 1 ? size : size * aspect
  const vh = aspect > 1 ? size / aspect : size
  const vx = box.x + box.width * 0.5 - vw / 2
  const vy = box.y + box.height * 0.48 - vh / 2
  const point = { x: vx + ((lng - minX) / (maxX - minX)) * vw, y: vy + ((maxY - lat) / (maxY - minY)) * vh }
  await page.mouse.move(point.x, point.y)
  await expect(page.getByTestId('map-panel').locator('.chart-tooltip')).toContainText(name)
  return point
}

export async function clickRegion(page: Page, mapAdcode: string, adcode: string, name: string) {
  const p = await regionPoint(page, mapAdcode, adcode, name)
  await page.mouse.click(p.x, p.y)
}
