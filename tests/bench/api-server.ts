// The server side of `pnpm bench:api`, in its own process like production: the real app
// (buildApp + listen) plus a trivial route as the baseline, and access tokens for the seeded
// users through the app's own session issuer. Reports {port, tokens} to the parent over IPC; the parent kills it when done.
import { loadConfig } from '@sellerinbox/server/config'
import { buildApp } from '@sellerinbox/server/app'
import { findUserById } from '@sellerinbox/server/modules/users/users.repo'

const env = JSON.parse(process.env.BENCH_API_ENV ?? '{}') as Record<string, string>
const userIds = JSON.parse(process.env.BENCH_API_USERS ?? '[]') as number[]

const app = await buildApp(loadConfig(env), { web: false })
app.get('/bench/noop', async () => ({ ok: true }))
// The floor of every inbox route: the same app and token check (verify, then read the user row), no work.
await app.register(async (api) => {
  api.get('/api/bench/noop', async () => ({ ok: true }))
})
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
const port = typeof address === 'object' && address ? address.port : 0

const tokens: string[] = []
for (const id of userIds) {
  const user = await findUserById(app.ctx.db, id)
  if (!user) throw new Error(`bench user ${id} is missing`)
  tokens.push((await app.ctx.sessions.issue(user)).accessToken)
}
process.send?.({ port, tokens })
// CPU time of this process, so the parent can report server CPU per request: a figure that the
// other load on a shared machine does not move as much as latency.
process.on('message', (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage()
    process.send?.({ cpuMs: (user + system) / 1000 })
  }
})
// Exit normally when the parent stops the run, so `--cpu-prof` (BENCH_SERVER_ARGS) writes its profile.
process.on('SIGTERM', () => process.exit(0))
