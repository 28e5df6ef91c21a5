// IMAP accounts the org ingests: create, edit, delete, and test a connection before or after
// saving. Main account only (enforced at the route). Passwords are sealed before they reach the
// database and opened only to hand to the IMAP client; no return value or log line carries one.
import type { ConnectionTestResult, CreateMailSourceBody, MailSource, TestStoredSourceBody, UpdateMailSourceBody } from '@sellerinbox/shared/api/mail-sources'
import type { Db } from '../../db/kysely'
import type { SecretBox } from '../../lib/secret-box'
import type { Actor } from '../actor'
import { probeMailbox, type ImapSettings } from './imap-probe'
import { deleteSource, getSealedPassword, getSourceRow, insertSource, listSourceRows, updateSource, type SourceValues } from './mail-sources.repo'
import { presentMailSource } from './mail-sources.presenter'

export interface MailSourcesContext {
  db: Db
  secrets: SecretBox
}

export async function listMailSources(ctx: MailSourcesContext, actor: Actor): Promise<MailSource[]> {
  return (await listSourceRows(ctx.db, actor.orgId)).map(presentMailSource)
}

export async function getMailSource(ctx: MailSourcesContext, actor: Actor, id: number): Promise<MailSource> {
  return presentMailSource(await getSourceRow(ctx.db, actor.orgId, id))
}

export async function createMailSource(ctx: MailSourcesContext, actor: Actor, input: CreateMailSourceBody): Promise<MailSource> {
  const id = await insertSource(ctx.db, actor.orgId, {
    name: input.name.trim(),
    host: input.host,
    port: input.port,
    tlsMode: input.tlsMode,
    username: input.username,
    passwordEnc: ctx.secrets.seal(input.password),
    mailbox: input.mailbox ?? 'INBOX',
  })
  return getMailSource(ctx, actor, id)
}

export async function updateMailSource(ctx: MailSourcesContext, actor: Actor, id: number, input: UpdateMailSourceBody): Promise<MailSource> {
  await getSourceRow(ctx.db, actor.orgId, id)
  const { password, name, ...rest } = input
  const values: Partial<SourceValues> = {
    ...rest,
    ...(name !== undefined ? { name: name.trim() } : {}),
    // Absent password: keep the stored one (clients never have it to send back).
    ...(password !== undefined ? { passwordEnc: ctx.secrets.seal(password) } : {}),
  }
  await updateSource(ctx.db, actor.orgId, id, values)
  return getMailSource(ctx, actor, id)
}

export async function deleteMailSource(ctx: MailSourcesContext, actor: Actor, id: number): Promise<void> {
  await getSourceRow(ctx.db, actor.orgId, id)
  await deleteSource(ctx.db, actor.orgId, id)
}

export async function testConnection(settings: Omit<ImapSettings, 'mailbox'> & { mailbox?: string }): Promise<ConnectionTestResult> {
  return probeMailbox({ ...settings, mailbox: settings.mailbox ?? 'INBOX' })
}

/** Tests the stored settings, each overridable for this test only (to try an edit before saving it). */
export async function testStoredConnection(ctx: MailSourcesContext, actor: Actor, id: number, overrides: TestStoredSourceBody): Promise<ConnectionTestResult> {
  const source = await getSourceRow(ctx.db, actor.orgId, id)
  const password = overrides.password ?? ctx.secrets.open(await getSealedPassword(ctx.db, actor.orgId, id))
  return testConnection({
    host: overrides.host ?? source.host,
    port: overrides.port ?? source.port,
    tlsMode: overrides.tlsMode ?? source.tlsMode,
    username: overrides.username ?? source.username,
    password,
    mailbox: overrides.mailbox ?? source.mailbox,
  })
}
