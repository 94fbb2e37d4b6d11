// Q&A answers as rich-text blocks and plain text, converted both ways.
import type { RichText } from '@gm/shared'

/**
 * Answers are structured rich text (blocks whose schema is the allow-list) with a plain-text
 * rendering kept beside them for search, export and clients that show text only.
 */

/** Plain text → one paragraph per non-empty line, kept exactly as written (markup included). */
export function blocksFromText(text: string): RichText {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  const paragraphs = lines.length > 0 ? lines : [text]
  return paragraphs.map((line) => ({ type: 'paragraph' as const, children: [{ text: line }] }))
}

/** The plain text of rich text: a line per paragraph, heading and list item. */
export function textFromBlocks(blocks: RichText): string {
  const inline = (children: { text: string }[]) => children.map((c) => c.text).join('')
  return blocks
    .flatMap((block) => {
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          return [inline(block.children)]
        case 'list':
          return block.items.map((item, i) => `${block.ordered ? `${i + 1}. ` : '• '}${inline(item)}`)
        case 'image':
          return block.alt ? [`[图片：${block.alt}]`] : []
      }
    })
    .join('\n')
}

/** What staff submitted (plain text or blocks) as both forms. */
export function answerForms(input: string | RichText): { answer: string; answerBlocks: RichText } {
  if (typeof input === 'string') return { answer: input.trim(), answerBlocks: blocksFromText(input) }
  return { answer: textFromBlocks(input), answerBlocks: input }
}

/** The stored blocks, or paragraphs of the plain text for items stored before blocks existed. */
export function storedBlocks(answer: string, blocks: unknown): RichText {
  return Array.isArray(blocks) && blocks.length > 0 ? (blocks as RichText) : blocksFromText(answer)
}
