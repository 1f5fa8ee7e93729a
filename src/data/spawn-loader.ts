/**
 * Starts the loader worker. In a module of its own, which loader.ts imports on the first parse, so
 * that the worker and the parser it carries stay out of what the first view loads: the bundled
 * sample arrives already shaped and needs neither.
 */
export function spawnLoaderWorker(): Worker {
  return new Worker(new URL('./loader.worker.ts', import.meta.url), { type: 'module', name: 'loader' })
}
