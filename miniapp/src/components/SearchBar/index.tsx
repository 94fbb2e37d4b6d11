// A search input with a 搜索 button; searches on confirm or tap.
import { Input, View } from '@tarojs/components'
import { a11y } from '../../utils/a11y'
import { useValueAfterFirstRender } from '../FormField/valueAfterFirstRender'
import './index.scss'

export interface SearchBarProps {
  value: string
  placeholder: string
  onInput: (value: string) => void
  onSearch: (value: string) => void
}

export function SearchBar({ value, placeholder, onInput, onSearch }: SearchBarProps) {
  const input = useValueAfterFirstRender<HTMLElement>(value)
  return (
    <View className="gm-search-bar" {...a11y(undefined, 'search')}>
      <Input
        ref={input.ref}
        className="gm-search-bar__input"
        value={input.value}
        placeholder={placeholder}
        placeholderClass="gm-search-bar__placeholder"
        confirmType="search"
        maxlength={50}
        onInput={(e) => onInput(e.detail.value)}
        onConfirm={(e) => onSearch(e.detail.value)}
        {...a11y(placeholder)}
      />
      <View className="gm-search-bar__button" hoverClass="gm-pressed" onClick={() => onSearch(value)} {...a11y('搜索', 'button')}>
        搜索
      </View>
    </View>
  )
}
