// Benchmarks report where the time goes: the database server's CPU next to their own.
import { readFileSync } from 'node:fs'
import { createConnection } from 'mysql2/promise'

/**
 * CPU time of the database server process (user + system, ms), read from /proc when the server
 * runs on this machine and its pid file is readable; null otherwise. With the server's own CPU
 * it tells where a request's time goes, a figure other load on the machine moves less than latency.
 */
export async function databaseCpu(serverUrl: string): Promise<() => number | null> {
  const conn = await createConnection({ uri: serverUrl })
  const [rows] = (await conn.query('SELECT @@pid_file AS f')) as [{ f: string }[], unknown]
  await conn.end()
  let pid: number
  try {
    pid = Number(readFileSync(rows[0]!.f, 'utf8').trim())
  } catch {
    return () => null
  }
  const ticksPerMs = 100 / 1000 // USER_HZ is 100 on Linux
  return () => {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      return (Number(fields[11]) + Number(fields[12])) / ticksPerMs
    } catch {
      return null
    }
  }
}

