// Subject wordings of Amazon's notices in every marketplace language, and the few body phrases that
// tell an opt-out apart from other delivery failures. Data plus two lookups; order matters (the
// first matching rule wins, so "claim decision" is tested before "A-to-z claim").
import type { Kind } from '@sellerinbox/shared/domain/taxonomy'

interface SubjectRule {
  kind: Kind
  pattern: RegExp
}

const SUBJECT_RULES: readonly SubjectRule[] = [
  {
    kind: 'reply_confirmation',
    pattern:
      /^(?:your e-?mail to|ihre e-?mail an|votre (?:e-?mail|courriel) (?:à|a)|la tua e-?mail a|il tuo (?:messaggio e-?mail|e-?mail) a|tu (?:correo(?: electrónico)?|e-?mail) (?:a|para)|su correo(?: electrónico)? (?:a|para)|seu e-?mail para|uw e-?mail aan|twój e-?mail do|ditt e-?(?:postmeddelande|post|mejl) till)\s|様へのEメール|様へのメール|的电子邮件副本/i,
  },
  {
    kind: 'atoz_claim_decision',
    pattern:
      /claim decision|claim (?:closed|withdrawn|granted|denied)|decision on (?:the |your )?claim|entscheidung (?:über|zu)[^\n]{0,40}(?:antrag|garantie|anspruch)|décision concernant (?:la|votre) réclamation|decisione (?:sul|relativa al) reclamo|decisión (?:sobre|de) (?:la|su) reclamación|decisão (?:sobre|da) (?:a )?reclamação|beslissing over (?:de |uw )?claim|decyzja w sprawie roszczenia|beslut om (?:anspråk|reklamation)|talep kararı|(?:申請|保証)[^\n]{0,10}(?:決定|結果)/i,
  },
  {
    kind: 'atoz_claim_opened',
    pattern:
      /claim received|a-to-z (?:guarantee )?claim|a-bis-z|garantieantrag|réclamation reçue|garantie a (?:à|a) z|reclamo (?:ricevuto|dalla a alla z)|richiesta di rimborso ricevuta|garanzia dalla a alla z|reclamación recibida|garantía de la a a la z|reclamação recebida|garantia de a a z|claim ontvangen|a-tot-z|otrzymano roszczenie|gwarancja od a do z|anspråk mottaget|a-till-ö|talep alındı|a'dan z'ye|aからzまで保証/i,
  },
  {
    kind: 'chargeback',
    pattern:
      /charge ?dispute|charge-?back|rückbuchung|rétrofacturation|contestation de (?:paiement|débit)|riaccredito|contracargo|disputa de cargo|estorno|terugboeking|obciążenie zwrotne|återkrediter|ters ibraz|チャージバック|拒付/i,
  },
  {
    kind: 'return_request',
    pattern:
      /return (?:authori[sz]ation|request)|rücksende(?:genehmigung|anfrage|anforderung)|autorisation de retour|demande de retour|autorizzazione (?:del|al) reso|richiesta di reso|autorización de devolución|solicitud de devolución|autorização de devolução|solicitação de devolução|retour(?:autorisatie|verzoek|aanvraag)|autoryzacj[ai] zwrotu|prośba o zwrot|returauktorisering|returförfrågan|iade (?:yetkilendirme|talebi)|返品(?:リクエスト|承認|依頼)/i,
  },
  {
    kind: 'refund_issued',
    pattern:
      /refund (?:initiated|issued|processed)|erstattung[^\n]{0,40}(?:veranlasst|eingeleitet|initiiert)|remboursement (?:initié|effectué|émis)|rimborso[^\n]{0,40}avviato|reembolso (?:iniciado|emitido|realizado)|terugbetaling (?:gestart|gestort|uitgevoerd)|zwrot (?:pieniędzy|środków)[^\n]{0,20}(?:zainicjowany|rozpoczęty)|återbetalning (?:initierad|påbörjad)|iade(?:si)? başlatıldı|返金(?:手続き|処理)?(?:を|が)?開始/i,
  },
  {
    kind: 'cancellation_request',
    pattern:
      /cancell?ation request|request to cancel|stornierungs(?:anfrage|anforderung)|demande d'annulation|richiesta di annullamento|solicitud de cancelación|(?:pedido|solicitação) de cancelamento|annuleringsverzoek|verzoek tot annulering|prośba o anulowanie|żądanie anulowania|begäran om (?:avbokning|annullering)|iptal talebi|キャンセル(?:リクエスト|依頼)|取消(?:订单)?请求/i,
  },
  {
    kind: 'customer_question',
    pattern:
      /can you answer this question|answer (?:this|a) (?:customer )?question|können sie (?:diese|eine) frage beantworten|pouvez-vous répondre à (?:cette|une) question|puoi rispondere a (?:questa|una) domanda|(?:puedes|puede) responder (?:a )?(?:esta|una) pregunta|pode responder (?:a )?(?:esta|uma) pergunta|kunt u (?:deze|een) vraag beantwoorden|czy możesz odpowiedzieć na (?:to )?pytanie|kan du svara på (?:den här|denna) fråga|bu soruyu yanıtlayabilir|質問に回答|回答していただけますか/i,
  },
  {
    kind: 'buyer_message',
    pattern:
      /from amazon customer|von amazon-kund(?:e|in)|(?:de la part )?du client amazon|dal(?:la)? cliente amazon|del cliente de amazon|pergunta do cliente|do cliente (?:da )?amazon|van amazon-klant|od klienta amazon|från amazon-kund|amazon müşterisi|amazonのカスタマー|来自亚马逊(?:买家|顾客|客户)/i,
  },
]

/** "Message not delivered": an opt-out or another delivery failure; the body tells which. */
const NOT_DELIVERED_SUBJECT =
  /opted out|not (?:be )?delivered|could not be delivered|nicht zugestellt|n'a pas (?:pu être |été )?(?:remis|distribué|livré|transmis)|non (?:è stato|può essere) (?:consegnato|recapitato)|no se (?:ha )?(?:podido )?entreg|não (?:foi|pôde ser) entregue|niet (?:bezorgd|afgeleverd)|nie (?:został|mogła zostać) dostarczon|kunde inte levereras|teslim edilemedi|配信されませんでした|お届けできませんでした/i

const OPT_OUT_BODY =
  /opted out|opt(?:ed)?-out|chosen not to receive|elected not to receive|sich [^\n]{0,40}abgemeldet|keine [^\n]{0,40}nachrichten [^\n]{0,40}erhalten möchte|choisi de ne (?:pas|plus) recevoir|scelto di non ricevere|(?:optado|elegido) (?:por )?no recibir|optou por não receber|ervoor gekozen geen|zrezygnował|valt att inte ta emot|almamayı tercih|受信しない|拒绝接收/i

const REPLY_PREFIX = /^\s*(?:(?:re|fw|fwd|aw|wg|tr|rv|r|i|enc|sv|vs|antw|odp|ynt|回复|答复|转发|返信|転送)\s*(?:\[\d+\])?\s*[:：]\s*)+/i

/** The subject without reply/forward prefixes (Re:, Fwd:, AW:, WG:, TR:, 回复: …). */
export function stripSubjectPrefixes(subject: string): string {
  return subject.replace(REPLY_PREFIX, '').trim()
}

/** The kind a notice subject names, or null. */
export function kindFromSubject(subject: string): Kind | null {
  const clean = stripSubjectPrefixes(subject)
  for (const rule of SUBJECT_RULES) if (rule.pattern.test(clean)) return rule.kind
  return null
}

export function isNotDeliveredSubject(subject: string): boolean {
  return NOT_DELIVERED_SUBJECT.test(subject)
}

export function mentionsOptOut(text: string): boolean {
  return OPT_OUT_BODY.test(text)
}

const CONFIRMATION_RECIPIENT = /^(?:your e-?mail to|ihre e-?mail an|votre (?:e-?mail|courriel) (?:à|a)|la tua e-?mail a|il tuo (?:messaggio e-?mail|e-?mail) a|tu (?:correo(?: electrónico)?|e-?mail) (?:a|para)|su correo(?: electrónico)? (?:a|para)|seu e-?mail para|uw e-?mail aan|twój e-?mail do|ditt e-?(?:postmeddelande|post|mejl) till)\s+(.+?)\s*$/i

/** The buyer named in a reply-confirmation subject ("Your e-mail to Priya"). */
export function confirmationRecipient(subject: string): string | null {
  const match = CONFIRMATION_RECIPIENT.exec(stripSubjectPrefixes(subject))
  return match?.[1] ?? null
}
