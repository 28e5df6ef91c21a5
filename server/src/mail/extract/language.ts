// A small, dependable language guess (ISO 639-1) for buyer texts and notices: the script decides
// for Japanese, Chinese, Korean, Cyrillic, Arabic, Greek, Hebrew and Thai; Latin-script text is
// scored by frequent function words and letters unique to one language. Tables are built once.

// A few hundred words settle the question; longer texts are sampled from the start.
const SAMPLE_LIMIT = 800
const MAX_WORDS = 150
const MIN_FUNCTION_WORD_SHARE = 0.12
const URL_NEIGHBOUR = new Set(['.', '/', '@', '=', '?', '&', '_', '%', '#', '+', '-', ':', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
// Latin letters only: other scripts were decided above. No /u flag keeps the scan cheap.
const WORD = /[a-z\u00df-\u024f]+/g

const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  en: 'the and is are was were i you it to of in for my this that have has not but with can could would please thanks thank hello hi received be will your we me on at if so did does do what when how yet still there from an any know need',
  de: 'der die das und ist nicht ich sie es ein eine einen mit für auf den dem des zu bitte danke hallo guten tag habe haben wurde leider noch mein meine ihr ihre wir aber auch oder wenn kann können bestellung vielen dank grüße sehr ist sind war mir mich uns',
  fr: 'le la les et est je vous un une des du pour pas que qui dans sur avec mon ma mes votre bonjour merci commande reçu ai il elle nous ce cette mais ou peut pouvez être très cordialement avance ne est suis au aux',
  it: 'il lo gli e è che di da per non un una sono ho mi ma con del della questo questa grazie buongiorno salve ordine ricevuto vorrei posso potete anche come quando se cordiali saluti mio mia sul nel alla al ci',
  es: 'el los las y es que del en un una por para con no mi me pero muy gracias hola pedido recibido he ha puedo podéis pueden está este esta lo al si saludo saludos buenas tardes quiero hay como su',
  pt: 'o os as e é que do da dos das em no na um uma por para com não meu minha mas muito obrigado obrigada olá pedido recebi você vocês está este esta isso se ela ele boa tarde queria consigo ao',
  nl: 'de het een en is van ik je u niet dat die op voor met in mijn maar ook nog wel er zijn heb hebt kunt kan bedankt dank hallo goedemiddag groet bestelling ontvangen graag alvast naar om als deze',
  sv: 'och är det att jag en ett inte på för med som har min mitt men hej tack beställning kan ni du vi av till den om från fick',
  pl: 'i w nie na jest że się z do to mam moje moja ale czy dzień dobry dziękuję zamówienie jak po od tak bardzo pozdrawiam proszę',
  tr: 've bir bu için ile da de değil çok ne mi merhaba teşekkür sipariş ederim ama olarak gibi var yok ürün lütfen',
}

// Letters that occur in one of the scored languages only (looked up by code point, lower case).
const UNIQUE_LETTERS: ReadonlyMap<number, string> = new Map(
  Object.entries({ de: 'ß', es: 'ñ¿¡', pt: 'ãõ', pl: 'łąęśźżń', sv: 'å', tr: 'ğşı', fr: 'œ', it: 'ìò' }).flatMap(([language, letters]) =>
    [...letters].map((letter) => [letter.charCodeAt(0), language] as const),
  ),
)
const MAX_UNIQUE_LETTER_POINTS = 5
const UNIQUE_LETTER = new RegExp(`[${[...UNIQUE_LETTERS.keys()].map((c) => String.fromCharCode(c)).join('')}]`, 'g')
// Any character of a script other than Latin; most texts have none and skip the script count.
const NON_LATIN = /[\u0370-\u1fff\u2e80-\ud7af\uf900-\ufaff\uff00-\uffef]/

const WORD_LANGUAGES: ReadonlyMap<string, readonly string[]> = buildWordIndex()

function buildWordIndex(): Map<string, string[]> {
  const index = new Map<string, string[]>()
  for (const [language, words] of Object.entries(FUNCTION_WORDS)) {
    for (const word of words.split(' ')) {
      const list = index.get(word)
      if (list) {
        if (!list.includes(language)) list.push(language)
      } else index.set(word, [language])
    }
  }
  return index
}

/** ISO 639-1 code of the text's language, or null when the text gives no clue. */
export function detectLanguage(input: string): string | null {
  const text = input.length > SAMPLE_LIMIT ? input.slice(0, SAMPLE_LIMIT) : input
  const script = NON_LATIN.test(text) ? scriptLanguage(text) : null
  if (script) return script
  return latinLanguage(text.toLowerCase())
}

// Non-Latin scripts whose presence decides the language; kana and han are told apart below.
function scriptOf(c: number): string | null {
  if (c >= 0x3040 && c <= 0x30ff) return 'kana'
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return 'han'
  if (c >= 0xac00 && c <= 0xd7af) return 'ko'
  if (c >= 0x0400 && c <= 0x04ff) return 'ru'
  if (c >= 0x0600 && c <= 0x06ff) return 'ar'
  if (c >= 0x0370 && c <= 0x03ff) return 'el'
  if (c >= 0x0590 && c <= 0x05ff) return 'he'
  if (c >= 0x0e00 && c <= 0x0e7f) return 'th'
  return null
}

function scriptLanguage(text: string): string | null {
  const counts = new Map<string, number>()
  let letters = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x41) continue
    if (c <= 0x24f) {
      if (c <= 0x5a || (c >= 0x61 && c <= 0x7a) || c >= 0xc0) letters++
      continue
    }
    const script = scriptOf(c)
    if (!script) continue
    letters++
    counts.set(script, (counts.get(script) ?? 0) + 1)
  }
  if (letters === 0) return null
  const kana = counts.get('kana') ?? 0
  const han = counts.get('han') ?? 0
  // A few kana among kanji make Japanese; Chinese text has none.
  if (kana >= 3 || (kana > 0 && kana + han >= letters * 0.3)) return 'ja'
  let best: string | null = null
  let bestCount = 0
  for (const [script, count] of counts) {
    if (script !== 'kana' && count > bestCount) {
      best = script
      bestCount = count
    }
  }
  if (!best || bestCount < 2 || bestCount < letters * 0.2) return null
  return best === 'han' ? 'zh' : best
}

function latinLanguage(text: string): string | null {
  const scores = new Map<string, number>()
  const add = (language: string, points: number): void => {
    scores.set(language, (scores.get(language) ?? 0) + points)
  }
  WORD.lastIndex = 0
  let words = 0
  let hits = 0
  for (let match = WORD.exec(text); match !== null && words < MAX_WORDS; match = WORD.exec(text)) {
    // Pieces of URLs, addresses and ids ("amazon.de", "?de=1", "x@y.it") are not words of a language.
    if (URL_NEIGHBOUR.has(text[match.index - 1] ?? ' ') || URL_NEIGHBOUR.has(text[match.index + match[0].length] ?? ' ')) continue
    words++
    const languages = WORD_LANGUAGES.get(match[0])
    if (!languages) continue
    hits++
    // A word shared by several languages says less about each.
    const points = 1 / languages.length
    for (const language of languages) add(language, points)
  }
  WORD.lastIndex = 0
  const unique = new Map<string, number>()
  for (const match of text.matchAll(UNIQUE_LETTER)) {
    const language = UNIQUE_LETTERS.get(match[0].charCodeAt(0))
    if (language) unique.set(language, (unique.get(language) ?? 0) + 1)
  }
  for (const [language, count] of unique) add(language, Math.min(count, MAX_UNIQUE_LETTER_POINTS) * 0.75)
  let best: string | null = null
  let bestScore = 0
  for (const [language, score] of scores) {
    if (score > bestScore) {
      best = language
      bestScore = score
    }
  }
  // Running text is a third or more function words; binary noise decoded as Latin-1 is not.
  if (bestScore < 1 || hits < words * MIN_FUNCTION_WORD_SHARE) return null
  return best
}
