// Words for the API benchmark's seeded mail: buyer sentences per language (Chinese and Japanese
// included, so keyword search meets real CJK text), names, products and Amazon's boilerplate.

export type Lang = 'en' | 'de' | 'fr' | 'it' | 'es' | 'ja' | 'zh'

export const SENTENCES: Record<Lang, string[]> = {
  en: [
    'Hello, I ordered this item two weeks ago and it still has not arrived.',
    'The package arrived damaged and the glass inside is broken.',
    'Can I get a refund please?',
    'I would like to return this item, it does not fit.',
    'The color is different from the picture on the listing.',
    'Could you send me a replacement instead?',
    'Tracking says delivered but I did not receive anything.',
    'Is this compatible with the 2023 model?',
    'Thank you for the quick response!',
    'The instructions are missing from the box.',
    'Please cancel my order, I chose the wrong size.',
    'When will this be back in stock?',
  ],
  de: [
    'Hallo, meine Bestellung ist noch nicht angekommen.',
    'Das Paket kam beschädigt an und der Deckel ist gebrochen.',
    'Ich möchte den Artikel zurücksenden.',
    'Bitte erstatten Sie mir den Betrag.',
    'Die Farbe stimmt nicht mit dem Bild überein.',
    'Können Sie mir einen Ersatz schicken?',
    'Vielen Dank für Ihre schnelle Antwort.',
    'Die Anleitung fehlt im Karton.',
  ],
  fr: [
    "Bonjour, ma commande n'est toujours pas arrivée.",
    'Le colis est arrivé endommagé.',
    'Je souhaite retourner cet article.',
    'Pouvez-vous me rembourser ?',
    'Merci pour votre réponse rapide.',
    "La notice n'était pas dans la boîte.",
  ],
  it: [
    'Buongiorno, il mio ordine non è ancora arrivato.',
    'Il pacco è arrivato danneggiato.',
    "Vorrei restituire l'articolo.",
    'Potete rimborsarmi?',
    'Grazie per la risposta.',
  ],
  es: [
    'Hola, mi pedido todavía no ha llegado.',
    'El paquete llegó dañado.',
    'Quiero devolver este artículo.',
    '¿Me pueden hacer un reembolso?',
    'Gracias por su respuesta.',
  ],
  ja: [
    'こんにちは、注文した商品がまだ届いていません。',
    '箱が破損していて、中の商品も壊れていました。',
    '返品をお願いしたいのですが、手続きを教えてください。',
    '返金していただけますか。',
    '写真と色が違います。',
    '交換品を送っていただけますか。',
    '迅速なご対応ありがとうございます。',
    '説明書が入っていませんでした。',
    'サイズが合わないので返品したいです。',
    'いつ再入荷しますか。',
  ],
  zh: [
    '你好，我的订单到现在还没有收到。',
    '包裹到的时候已经破损了，里面的杯子也碎了。',
    '我想退货，请问怎么操作？',
    '可以给我退款吗？',
    '颜色和图片上的不一样。',
    '能不能给我换一个新的？',
    '谢谢你们的快速回复。',
    '盒子里没有说明书。',
    '尺寸太小了，想换大一号。',
    '什么时候能补货？',
  ],
}

export const NAMES: Record<Lang, string[]> = {
  en: ['Jane Smith', 'Michael Brown', 'Emily Davis', 'Chris Johnson', 'Sarah Wilson', 'David Miller', 'Laura Taylor', 'James Anderson'],
  de: ['Lukas Müller', 'Anna Schmidt', 'Jonas Weber', 'Lea Fischer', 'Felix Wagner'],
  fr: ['Camille Martin', 'Lucas Bernard', 'Chloé Dubois', 'Hugo Moreau'],
  it: ['Giulia Rossi', 'Marco Bianchi', 'Sofia Romano'],
  es: ['Lucía García', 'Pablo Fernández', 'María López'],
  ja: ['佐藤 花子', '鈴木 一郎', '高橋 美咲', '田中 健太', '伊藤 さくら'],
  zh: ['王伟', '李娜', '张敏', '刘洋', '陈静'],
}

export const PRODUCTS: Record<'en' | 'de' | 'ja', string[]> = {
  en: [
    'Silicone Baking Mat, Half Sheet, 2 Pack',
    'Stainless Steel Water Bottle 750 ml',
    'Glass Electric Kettle 1.7 L',
    'Bamboo Cutting Board Set of 3',
    'LED Desk Lamp with USB Charging Port',
    'Wireless Earbuds with Charging Case',
    'Memory Foam Pillow, Queen',
    'Yoga Mat 6 mm Non-Slip',
  ],
  de: ['Edelstahl Trinkflasche 750 ml', 'Glas Wasserkocher 1,7 L', 'Bambus Schneidebrett 3er Set', 'LED Schreibtischlampe'],
  ja: ['シリコン製ベーキングマット 2枚組', 'ステンレス水筒 750ml', 'ガラス電気ケトル 1.7L', '竹製まな板 3点セット'],
}

export const SUBJECTS = {
  buyer: {
    en: (name: string, order: string) => `Inquiry from Amazon customer ${name} (Order: ${order})`,
    de: (name: string, order: string) => `Anfrage von Amazon-Kunde ${name} (Bestellung: ${order})`,
    fr: (name: string, order: string) => `Demande du client Amazon ${name} (Commande : ${order})`,
    it: (name: string, order: string) => `Richiesta dal cliente Amazon ${name} (Ordine: ${order})`,
    es: (name: string, order: string) => `Consulta del cliente de Amazon ${name} (Pedido: ${order})`,
    ja: (name: string, order: string) => `Amazonのお客様 ${name} からのお問い合わせ (注文番号: ${order})`,
    zh: (name: string, order: string) => `Inquiry from Amazon customer ${name} (Order: ${order})`,
  } satisfies Record<Lang, (name: string, order: string) => string>,
}

const BOILERPLATE =
  'For Your Information: To help arrive at a resolution, we encourage you to respond within 24 hours. ' +
  'Amazon Services does not accept replies to this address from sellers using their own email addresses; ' +
  'please use the buyer-seller messaging service. Was this email helpful? ' +
  'Copyright Amazon, Inc. or its affiliates. All rights reserved. Amazon Services Europe S.à r.l. '

export function boilerplate(times: number): string {
  return Array.from({ length: times }, () => BOILERPLATE).join('\n')
}

export const SEARCH_KEYWORDS = { zh: '破损', ja: '返品', en: 'damaged' } as const
