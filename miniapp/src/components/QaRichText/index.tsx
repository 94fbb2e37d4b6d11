// Renders staff rich text (data, never HTML) on Q&A pages: paragraphs, headings, lists, https images and allowed links.
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Inline, RichBlock } from '@gm/shared'
import { openLink } from '../../navigation'
import { platform } from '../../platform'
import { a11y, headingA11y } from '../../utils/a11y'
import './index.scss'

/**
 * Follow a link the schema allowed: a page of this mini-program, a phone number, or an https page
 * (opened in the browser on H5; the mini-program cannot open web pages, so it copies the address).
 */
export function followLink(href: string): void {
  if (href.startsWith('/')) {
    openLink(href)
  } else if (href.startsWith('tel:')) {
    void Taro.makePhoneCall({ phoneNumber: href.slice(4) })
  } else if (/^https:\/\//i.test(href)) {
    if (platform.name === 'h5') window.open(href, '_blank', 'noopener,noreferrer')
    else void Taro.setClipboardData({ data: href }).then(() => Taro.showToast({ title: '链接已复制，请在浏览器中打开', icon: 'none' }))
  }
}

/** Only what SafeHrefSchema allows is a link; anything else is shown as plain text. */
const isSafeHref = (href: string) => /^https:\/\/[^\s<>"']+$/i.test(href) || /^\/(pages|packages)\/[\w/.?=&%-]*$/.test(href) || /^tel:[\d-]{3,20}$/.test(href)

function Inlines({ children }: { children: readonly Inline[] }) {
  return (
    <>
      {children.map((inline, i) => {
        const className = inline.bold ? 'gm-rich-text__bold' : undefined
        if (inline.href && isSafeHref(inline.href)) {
          const href = inline.href
          return (
            <Text key={i} className="gm-rich-text__link" onClick={() => followLink(href)} {...a11y(inline.text, 'link')}>
              {inline.text}
            </Text>
          )
        }
        return (
          <Text key={i} className={className} userSelect>
            {inline.text}
          </Text>
        )
      })}
    </>
  )
}

/** Staff rich text (data, never HTML): paragraphs, headings, lists, https images, allowed links. */
export function QaRichText({ blocks }: { blocks: readonly RichBlock[] }) {
  return (
    <View className="gm-rich-text">
      {blocks.map((block, i) => {
        switch (block.type) {
          case 'heading':
            return (
              <View key={i} className="gm-rich-text__heading" {...headingA11y(3)}>
                <Inlines>{block.children}</Inlines>
              </View>
            )
          case 'paragraph':
            return (
              <View key={i} className="gm-rich-text__paragraph">
                <Inlines>{block.children}</Inlines>
              </View>
            )
          case 'list':
            return (
              <View key={i} className="gm-rich-text__list" {...a11y(undefined, 'list')}>
                {block.items.map((item, j) => (
                  <View key={j} className="gm-rich-text__item" {...a11y(undefined, 'listitem')}>
                    <Text className="gm-rich-text__marker">{block.ordered ? `${j + 1}.` : '•'}</Text>
                    <View className="gm-rich-text__item-body">
                      <Inlines>{item}</Inlines>
                    </View>
                  </View>
                ))}
              </View>
            )
          case 'image':
            return <Image key={i} className="gm-rich-text__image" src={block.src} mode="widthFix" {...a11y(block.alt, 'img')} />
        }
      })}
    </View>
  )
}
