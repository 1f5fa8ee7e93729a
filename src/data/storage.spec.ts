// @vitest-environment node
// Node's own Blob: the database keeps the columns as a Blob, and only a real one survives its cloning.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { FactTableBuilder } from '@/domain/table'
import { columnsBlob } from './stored-columns'
import { buildHierarchy, FactIndex, groupRows } from '@/domain/aggregate'
import { loadRegionCatalogue } from '@/domain/regions'
import regionsJson from '../../data/regions.json'
import { deleteDataset, readCatalog, readDataset, saveCatalog, saveDataset, storageError, StorageError, type DatasetMeta, type StoredDataset } from './storage'

function meta(id: string): DatasetMeta {
  return { id, name: id, files: [`${id}.csv`], rows: 1, size: 40, importedAt: '2026-01-01T00:00:00Z', periodFrom: '2023', periodTo: '2023', withSample: false }
}
function data(v: number): StoredDataset {
  const b = new FactTableBuilder()
  b.add('321012', '2023', 'legal_aid_cases', v, 'test')
  return { table: b.build(), customIndicators: [] }
}

describe('dataset storage', () => {
  it('saves, reads back, renames and deletes', async () => {
    expect(await readCatalog()).toEqual({ datasets: [], active: null })
    expect(await saveDataset(meta('a'), data(5))).toEqual({ datasets: [meta('a')], active: 'a' })
    const cat = await readCatalog()
    expect(cat).toEqual({ datasets: [meta('a')], active: 'a' })
    const stored = await readDataset('a')
    expect(Array.from(stored!.table.value)).toEqual([5])
    expect(stored!.table.regions).toEqual(['321012'])
    await saveCatalog((c) => ({ ...c, datasets: [{ ...meta('a'), name: '江都区 2023' }] }))
    expect((await readCatalog()).datasets[0]!.name).toBe('江都区 2023')
    await deleteDataset('a')
    expect(await readCatalog()).toEqual({ datasets: [], active: null })
    expect(await readDataset('a')).toBeUndefined()
  })

  it('stores the columns the loader worker wrote (columnsBlob) as they are, and reads the table back', async () => {
    const d = data(7)
    await saveDataset(meta('w'), { ...d, columns: columnsBlob(d.table) })
    const stored = await readDataset('w')
    expect(stored!.table).toEqual(d.table)
    // A Blob of another table's size is not taken for this one's columns.
    await saveDataset(meta('x'), { ...data(8), columns: new Blob([new Uint8Array(5)]) })
    expect(Array.from((await readDataset('x'))!.table.value)).toEqual([8])
  })

  it('keeps the row groups the worker made beside the columns, and the index takes them after a reload', async () => {
    const b = new FactTableBuilder()
    ;[['321012', '2023', 5], ['321002', '2023', 6], ['321012', '2024', 7], ['321002', '2024', 8]].forEach(([r, p, v]) => b.add(String(r), String(p), 'legal_aid_cases', Number(v), 'test'))
    b.add('321012', '2024', 'collective_contracts', 9, 'test')
    const table = b.build()
    const groups = groupRows(table)
    await saveDataset(meta('g'), { table, customIndicators: [], columns: columnsBlob(table, groups) })
    const stored = (await readDataset('g'))!
    expect(stored.table).toEqual(table)
    // The groups are read back, not made again: the index of the read table uses these very arrays.
    const index = new FactIndex(stored.table, buildHierarchy(loadRegionCatalogue(regionsJson).all))
    const rows = (index as unknown as { rows: Uint32Array }).rows
    expect(Array.from(rows)).toEqual(Array.from(groups.rows))
    expect(rows.buffer).toBe(stored.table.value.buffer)
    expect(index.periodsOf('legal_aid_cases')).toEqual(['2023', '2024'])
    expect(index.reportedValue('legal_aid_cases', '2024', index.hierarchy.indexOf.get('321002')!)).toBe(8)
  })

  it('never half-writes: when the data cannot be stored, the list is unchanged too', async () => {
    await saveDataset(meta('b'), data(1))
    const before = await readCatalog()
    const bad = { ...data(2), customIndicators: [() => 0] } as unknown as StoredDataset
    await expect(saveDataset(meta('c'), bad)).rejects.toBeInstanceOf(StorageError)
    expect(await readCatalog()).toEqual(before)
    expect(await readDataset('c')).toBeUndefined()
  })
})

describe('two tabs at once', () => {
  it('keeps both datasets when two saves run concurrently from stale lists', async () => {
    for (const d of (await readCatalog()).datasets) await deleteDataset(d.id)
    // Each tab saves without knowing of the other's dataset; both must end up in the list.
    await Promise.all([saveDataset(meta('tab1'), data(1)), saveDataset(meta('tab2'), data(2))])
    const ids = (await readCatalog()).datasets.map((d) => d.id).sort()
    expect(ids).toEqual(['tab1', 'tab2'])
    expect(Array.from((await readDataset('tab1'))!.table.value)).toEqual([1])
    expect(Array.from((await readDataset('tab2'))!.table.value)).toEqual([2])
  })
})

describe('storage failures', () => {
  it('says plainly when the storage is full, and when it is not available', () => {
    expect(storageError(new DOMException('quota', 'QuotaExceededError')).reason).toBe('quota')
    expect(storageError(new DOMException('gone', 'InvalidStateError')).reason).toBe('unavailable')
    expect(storageError(new Error('other')).reason).toBe('other')
  })
})

describe('how a table is kept', () => {
  function rawRecord(id: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open('union-dashboard')
      req.onsuccess = () => {
        const get = req.result.transaction('datasets').objectStore('datasets').get(`data:${id}`)
        get.onsuccess = () => resolve(get.result)
        get.onerror = () => reject(get.error)
      }
      req.onerror = () => reject(req.error)
    })
  }

  it('writes the columns as one Blob and reads every column, blanks included, back as it was', async () => {
    const b = new FactTableBuilder()
    b.add('321012', '2023', 'legal_aid_cases', 5, 'a')
    b.add('320205', '2022', 'relief_amount', null, 'b')
    b.add('321012', '2022', 'legal_aid_cases', 2.5, 'a')
    const table = b.build()
    await saveDataset(meta('blob'), { table, customIndicators: [] })
    const raw = (await rawRecord('blob')) as { table: Record<string, unknown> }
    expect(raw.table.columns).toBeInstanceOf(Blob)
    expect(raw.table.value).toBeUndefined()
    const back = (await readDataset('blob'))!.table
    for (const col of ['region', 'period', 'indicator', 'source'] as const) expect(Array.from(back[col])).toEqual(Array.from(table[col]))
    expect(Array.from(back.value)).toEqual([5, NaN, 2.5])
    expect(back.regions).toEqual(table.regions)
    expect(back.sources).toEqual(['a', 'b'])
  })

  it('still reads a dataset written with plain typed arrays', async () => {
    const old = data(7)
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('union-dashboard')
      req.onsuccess = () => {
        const tx = req.result.transaction('datasets', 'readwrite')
        tx.objectStore('datasets').put(old, 'data:old')
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      }
    })
    expect(Array.from((await readDataset('old'))!.table.value)).toEqual([7])
  })
})
