// A real SMTP server on loopback (smtp-server) standing where Amazon's relay would: it records
// every accepted email with its envelope and raw bytes. It can be stopped and restarted on the
// same port to simulate an outage.
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'

export interface ReceivedMail {
  from: string
  to: string[]
  raw: Buffer
  parsed: ParsedMail
}

export interface SmtpSink {
  port: number
  received: ReceivedMail[]
  /** Called after the server has accepted a message (250 queued). */
  onAccepted?: (mail: ReceivedMail) => void
  stop(): Promise<void>
  start(): Promise<void>
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const received: ReceivedMail[] = []
  let server: SMTPServer | null = null
  const sink: SmtpSink = {
    port,
    received,
    async start() {
      server = new SMTPServer({
        // Loopback test relay: no TLS (smtp-server's built-in certificate has expired), no auth.
        disabledCommands: ['STARTTLS', 'AUTH'],
        authOptional: true,
        // An outage, not a polite shutdown: drop open (pooled) connections at once.
        closeTimeout: 50,
        logger: false,
        onData(stream, session, callback) {
          // Read the envelope now: smtp-server resets it once the transaction is answered.
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
          const to = session.envelope.rcptTo.map((r) => r.address)
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => {
            const raw = Buffer.concat(chunks)
            callback()
            void simpleParser(raw).then((parsed) => {
              const mail = {
                from,
                to,
                raw,
                parsed,
              }
              received.push(mail)
              sink.onAccepted?.(mail)
            })
          })
        },
      })
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject)
        server!.listen(sink.port, '127.0.0.1', () => resolve())
      })
      sink.port = (server.server.address() as { port: number }).port
    },
    async stop() {
      const current = server
      server = null
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()))
    },
  }
  await sink.start()
  return sink
}
