/**
 * How one language's messages are put together: the core file (`zh-CN.ts`, `en.ts`) plus the
 * feature areas under `features/`, each kept per language as `<area>.zh-CN.ts` and `<area>.en.ts`.
 * An English feature file is typed `typeof` its Chinese twin, so a key missing in English fails
 * the type check; `messages.spec.ts` catches a feature with no English file at all.
 */
export type FeatureModules = Record<string, { default: Record<string, unknown> }>

export function withFeatures<T extends object>(core: T, features: FeatureModules): T {
  const merged = { ...core }
  for (const mod of Object.values(features)) Object.assign(merged, mod.default)
  return merged
}
