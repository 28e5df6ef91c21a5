// Page paths of the app. app.config.ts builds the route registry from this table; pages navigate with `pageUrl`.
// Only tab pages and login live in the main package; every page under a subpackage root is loaded on demand.

export const SUBPACKAGE_ROOTS = ['packages/stores', 'packages/members', 'packages/account', 'packages/inbox', 'packages/mail-sources', 'packages/notify', 'packages/replies'] as const

export const PAGES = {
  inbox: 'pages/inbox/index',
  me: 'pages/me/index',
  login: 'pages/login/index',
  stores: 'packages/stores/index/index',
  storeEdit: 'packages/stores/edit/index',
  channel: 'packages/stores/channel/index',
  members: 'packages/members/index/index',
  memberAccess: 'packages/members/access/index',
  memberInvite: 'packages/members/invite/index',
  acceptInvite: 'packages/account/invite/index',
  qrConfirm: 'packages/account/qr-confirm/index',
  messageDetail: 'packages/inbox/detail/index',
  conversation: 'packages/inbox/history/index',
  tags: 'packages/inbox/tags/index',
  mailSources: 'packages/mail-sources/index/index',
  mailSourceEdit: 'packages/mail-sources/edit/index',
  unroutedMail: 'packages/mail-sources/unrouted/index',
  notifySettings: 'packages/notify/settings/index',
  notifyRule: 'packages/notify/rule/index',
  notifyCredits: 'packages/notify/credits/index',
  notifyLog: 'packages/notify/log/index',
  replySettings: 'packages/replies/index/index',
  replyTemplates: 'packages/replies/templates/index',
  replyTemplateEdit: 'packages/replies/template-edit/index',
  forbiddenWords: 'packages/replies/forbidden-words/index',
  blacklist: 'packages/replies/blacklist/index',
  smtpRelay: 'packages/replies/smtp-relay/index',
} as const

export type PagePath = (typeof PAGES)[keyof typeof PAGES]

/** Absolute page URL with an optional query, as Taro.navigateTo and share paths expect. */
export function pageUrl(page: PagePath, query: Record<string, string | number | undefined> = {}): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return `/${page}${pairs.length ? `?${pairs.join('&')}` : ''}`
}
