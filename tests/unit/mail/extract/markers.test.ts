import { describe, expect, it } from 'vitest'
import { footerStart, isEndLabel, isStartLabel, markerLines, stripPreamble } from '@sellerinbox/server/mail/extract/markers'

describe('markerLines', () => {
  it('finds dashed marker lines of any wording, with one or two spaces', () => {
    const text = 'a\n------------- Message:  -------------\nb\n------------- Einde bericht -------------\n--------------------------\n'
    expect(markerLines(text).map((m) => m.label)).toEqual(['Message:', 'Einde bericht'])
  })

  it('knows old and new openers and closers', () => {
    expect(isStartLabel('Anfang der Nachricht')).toBe(true)
    expect(isStartLabel('Mensagem:')).toBe(true)
    expect(isStartLabel('メッセージはここから')).toBe(true)
    expect(isEndLabel('Finalizar mensaje')).toBe(true)
    expect(isEndLabel('Koniec treści')).toBe(false)
  })
})

describe('footerStart', () => {
  it.each([
    'Was this email helpful?',
    'Questa e-mail è stata utile?',
    '¿Te pareció útil este correo electrónico?',
    'このEメールはお役に立ちましたか？',
    'Resolve case',
    'Risolvi caso',
    'Report questionable activity',
    'Zu Ihrer Information: wir speichern',
    'Copyright 2025 Amazon, Inc. or its affiliates.',
    'SPC-EUAmazon-2401866209517438',
    '[commMgrTok:ASSF883HE7IPR]',
    '--------------------------',
  ])('cuts at "%s"', (line) => {
    const text = `buyer words\n\n${line}\nmore`
    expect(footerStart(text)).toBe('buyer words\n\n'.length)
  })

  it('returns -1 when there is no footer', () => {
    expect(footerStart('just words\nand more')).toBe(-1)
  })
})

describe('stripPreamble', () => {
  it('drops the banner, the order line, the product line and logo links', () => {
    const text = 'Amazon Seller Central\n[https://m.media-amazon.com/logo.png]\nYou have received a message.\n\n# 112-2134843-2153105:\n1 / Carafe [ASIN: B07Y9N0LCC]\n\nHi, it broke.'
    expect(stripPreamble(text)).toBe('Hi, it broke.')
  })
})
