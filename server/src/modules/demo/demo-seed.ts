// Seeds the demo org once: main account, one sub-account, two stores with US, DE and JP channels,
// and a mail source for the local demo IMAP mailbox. Running it again changes nothing.
import type { Db } from '../../db/kysely'
import type { SecretBox } from '../../lib/secret-box'
import { createOrgWithMain } from '../auth/sign-in.service'
import { createStore } from '../stores/stores.service'
import { findUserByOpenid, insertUser } from '../users/users.repo'
import { DEMO_OPENIDS } from './demo.service'

export interface DemoMailbox {
  host: string
  port: number
  username: string
  password: string
}

export async function seedDemo(db: Db, inboundDomain: string, box: SecretBox, mailbox: DemoMailbox): Promise<{ created: boolean; orgId: number }> {
  const existing = await findUserByOpenid(db, DEMO_OPENIDS.main)
  if (existing) return { created: false, orgId: existing.orgId }
  const main = await createOrgWithMain(db, DEMO_OPENIDS.main, '演示主账号', '演示跨境电商有限公司')
  const actor = { userId: main.id, orgId: main.orgId, role: 'main' as const }
  const ctx = { db, inboundDomain }
  const storeA = await createStore(ctx, actor, { name: 'Sunny Home', region: 'NA', marketplaces: ['US', 'DE', 'JP'] })
  await createStore(ctx, actor, { name: 'Blue Peak Outdoor', region: 'EU', marketplaces: ['US', 'DE', 'JP'] })
  await db.transaction().execute(async (tx) => {
    const sub = await insertUser(tx, { orgId: main.orgId, role: 'sub', openid: DEMO_OPENIDS.sub, displayName: '演示客服' })
    await tx.insertInto('userStoreAccess').values({ userId: sub.id, storeId: storeA.id, orgId: main.orgId, grantedBy: main.id }).execute()
    await tx
      .insertInto('mailSources')
      .values({
        orgId: main.orgId,
        name: '演示邮箱',
        host: mailbox.host,
        port: mailbox.port,
        tlsMode: 'none',
        username: mailbox.username,
        passwordEnc: box.seal(mailbox.password),
      })
      .execute()
  })
  return { created: true, orgId: main.orgId }
}
