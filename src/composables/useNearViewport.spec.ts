// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { NEAR_MARGIN, useNearViewport } from './useNearViewport'

/** An IntersectionObserver the test drives by hand. */
class FakeObserver {
  static last: FakeObserver | undefined
  observed = new Set<Element>()
  disconnected = false
  constructor(
    readonly callback: (entries: Pick<IntersectionObserverEntry, 'isIntersecting'>[]) => void,
    readonly options: IntersectionObserverInit,
  ) {
    FakeObserver.last = this
  }
  observe(el: Element) {
    this.observed.add(el)
  }
  unobserve(el: Element) {
    this.observed.delete(el)
  }
  disconnect() {
    this.disconnected = true
    this.observed.clear()
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
  FakeObserver.last = undefined
})

describe('useNearViewport', () => {
  it('is near at once where IntersectionObserver is missing, so the panel still loads', () => {
    vi.stubGlobal('IntersectionObserver', undefined)
    const scope = effectScope()
    const near = scope.run(() => useNearViewport(shallowRef(null)))!
    expect(near.value).toBe(true)
    scope.stop()
  })

  it('turns near once the element comes within the margin, and stops watching', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver)
    const el = shallowRef<HTMLElement | null>(null)
    const scope = effectScope()
    const near = scope.run(() => useNearViewport(el))!
    const observer = FakeObserver.last!
    expect(observer.options.rootMargin).toBe(NEAR_MARGIN)
    el.value = document.createElement('div')
    await nextTick()
    expect(observer.observed.has(el.value)).toBe(true)

    observer.callback([{ isIntersecting: false }])
    expect(near.value).toBe(false)
    observer.callback([{ isIntersecting: true }])
    expect(near.value).toBe(true)
    expect(observer.disconnected).toBe(true)
    scope.stop()
  })

  it('lets go of the observer when its owner goes away', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver)
    const scope = effectScope()
    scope.run(() => useNearViewport(shallowRef(document.createElement('div'))))
    scope.stop()
    expect(FakeObserver.last!.disconnected).toBe(true)
  })
})
