/**
 * How one language's messages are put together: the core file (`zh-CN.ts`, `en.ts`) plus the
 * feature areas under `features/`, each kept per language as `<area>.zh-CN.ts` and `<area>.en.ts`.
 * An English feature file is typed `typeof` its Chinese twin, so a key missing in English fails
 * the type check; `messages.spec.ts` catches a feature with no English file at all.
 */
export type FeatureModules = Record<string, { default: Record<string, unknown> }>

export function withFeatures<T extends object>(core: T, features: FeatureModules): T {
  const merged = { ...core } as Record<string, unknown>
  for (const mod of Object.values(features)) {
    // A feature may add keys to a shared area (e.g. `problems`) as well as bring its own.
    for (const [area, messages] of Object.entries(mod.default)) {
      const had = merged[area]
      merged[area] = isTree(had) && isTree(messages) ? { ...had, ...messages } : messages
    }
  }
  return merged as T
}

function isTree(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
