// A titled block of a detail page, and plain text shown with its line breaks kept.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

/** A titled block of a detail page. */
export function Section({ title, children, className }: { title: string; children?: ReactNode; className?: string }) {
  return (
    <View className={className ? `gm-section ${className}` : 'gm-section'}>
      <Text className="gm-section__title">{title}</Text>
      <View className="gm-section__body">{children}</View>
    </View>
  )
}

/** Plain text with its line breaks kept; never rendered as HTML. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <View className="gm-paragraphs">
      {text
        .split(/\n+/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line, i) => (
          <Text key={i} className="gm-paragraphs__line" userSelect>
            {line}
          </Text>
        ))}
    </View>
  )
}
