// Plain text of Q&A rich-text blocks, and whether the blocks hold formatting plain text would lose.
import type { RichText } from '@gm/shared'

/** The text of structured rich text, a line per paragraph, heading or list item. */
export function plainTextOf(blocks: RichText): string {
  const inline = (children: readonly { text: string }[]) => children.map((c) => c.text).join('')
  return blocks
    .flatMap((block) => {
      if (block.type === 'list') return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${inline(item)}`)
      if (block.type === 'image') return [block.alt]
      return [inline(block.children)]
    })
    .join('\n')
}

/** Whether the rich text holds anything plain text would lose (bold, links, lists, images, headings). */
export function hasFormatting(blocks: RichText): boolean {
  return blocks.some((block) => block.type !== 'paragraph' || block.children.some((c) => c.bold || c.href))
}
