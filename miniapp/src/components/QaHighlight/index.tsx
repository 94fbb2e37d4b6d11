// Renders search snippets from the BFF's { text, hit } segments as plain text with the hits emphasised, never as markup.
import { Text } from '@tarojs/components'
import type { TextSegment } from '@gm/shared'
import { cx } from '../../utils/format'
import './index.scss'

export interface QaHighlightProps {
  segments: readonly TextSegment[]
  className?: string
}

/**
 * Search snippets from the BFF's `{ text, hit }` segments: every piece is plain text, hits in
 * bold colour. Nothing is parsed as markup, so `<b>` in a question is shown as those characters.
 */
export function QaHighlight({ segments, className }: QaHighlightProps) {
  return (
    <Text className={cx('gm-qa-highlight', className)}>
      {segments.map((segment, i) =>
        segment.hit ? (
          <Text key={i} className="gm-qa-highlight__hit">
            {segment.text}
          </Text>
        ) : (
          <Text key={i} className="gm-qa-highlight__text">
            {segment.text}
          </Text>
        ),
      )}
    </Text>
  )
}

/** The plain text of segments, for screen-reader labels. */
export function segmentsText(segments: readonly TextSegment[]): string {
  return segments.map((s) => s.text).join('')
}
