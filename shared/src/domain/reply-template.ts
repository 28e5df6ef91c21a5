// Reply templates: `{{variable}}` placeholders filled from the message being answered. Pure, so the
// mini program previews exactly what the server will send.

export const TEMPLATE_VARIABLES = ['buyerName', 'orderId', 'asin', 'productTitle', 'storeName', 'marketplace'] as const
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number]
export type TemplateValues = Partial<Record<TemplateVariable, string | null>>

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g

export interface RenderedTemplate {
  text: string
  /** Known variables the message has no value for (left empty in the text). */
  missing: TemplateVariable[]
  /** Placeholders that are not variables at all (left as written). */
  unknown: string[]
}

export function renderTemplate(body: string, values: TemplateValues): RenderedTemplate {
  const missing = new Set<TemplateVariable>()
  const unknown = new Set<string>()
  const text = body.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(name)) {
      unknown.add(name)
      return whole
    }
    const value = values[name as TemplateVariable]
    if (value === null || value === undefined || value === '') {
      missing.add(name as TemplateVariable)
      return ''
    }
    return value
  })
  return { text, missing: [...missing], unknown: [...unknown] }
}

/** Placeholders in a template that are not variables, for validation when it is saved. */
export function unknownPlaceholders(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((n) => !(TEMPLATE_VARIABLES as readonly string[]).includes(n)))]
}
