// The settings query moved to lib/settings (components read the time zone from it). This re-export keeps
// the settings screen's imports unchanged while it is being split on another branch; point them at
// lib/settings and delete this file once both have merged.
export { settingsKeys, settingsQuery } from '../../lib/settings'
