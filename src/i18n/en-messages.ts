/** Everything English, in one chunk fetched with import() only when English is chosen. */
import en from './en'
import { withFeatures } from './messages'

export default withFeatures(en, import.meta.glob<{ default: Record<string, unknown> }>('./features/*.en.ts', { eager: true }))
