// WeChat's rich-text decodes entities inside text nodes: escape '&' and angle brackets so text shows as written.
import type { RichTextLiteral } from './types'

export const richTextLiteral: RichTextLiteral = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
