// The session moved to lib/session (components need it). This re-export keeps the dispatch and settings
// screens' imports unchanged while they are being split on another branch; point them at lib/session and
// delete this file once both have merged.
export { authKeys, authStatusQuery, useSession } from '../../lib/session'
