// Stops and starts the local services through the project's own services library, for tests
// that prove ingestion survives outages.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const run = promisify(execFile)

export async function services(script: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout, stderr } = await run('bash', ['-c', `set -euo pipefail; source "${root}/scripts/lib/services.sh"; ${script}`], {
    env: { ...process.env, ...env },
    timeout: 120_000,
  })
  return stdout + stderr
}

export const stopDovecot = () => services('stop_services dovecot')
export const startDovecot = () => services('start_dovecot')

export const ROOT = root
