import { homedir } from 'node:os'
import { join } from 'node:path'

/** The same folder Electron's app.getPath('userData') gives for "Hooldus", so all hosts share one file. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Hooldus')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Hooldus')
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Hooldus')
}

/** `--db <file>` wins, then HOOLDUS_DB, then the user-data folder. */
export function resolveDbFile(argDb: string | undefined, env: NodeJS.ProcessEnv = process.env, dataDir = defaultDataDir(env)): string {
  return argDb ?? env.HOOLDUS_DB ?? join(dataDir, 'hooldus.db')
}
