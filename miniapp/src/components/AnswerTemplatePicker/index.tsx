// 套用答复模板: the department's templates as buttons above an answer's text; choosing one fills the text (still editable).
import { Text, View } from '@tarojs/components'
import { a11y } from '../../utils/a11y'
import './index.scss'

export interface AnswerTemplatePickerProps {
  templates: readonly { id: number; title: string }[]
  onUse: (id: number) => void
}

export function AnswerTemplatePicker({ templates, onUse }: AnswerTemplatePickerProps) {
  if (templates.length === 0) return null
  return (
    <View className="gm-answer-template-picker" {...a11y('套用答复模板', 'group')}>
      <Text className="gm-answer-template-picker__label">套用答复模板（替换答复内容，之后仍可修改）</Text>
      <View className="gm-answer-template-picker__list">
        {templates.map((t) => (
          <Text key={t.id} className="gm-answer-template-picker__item" onClick={() => onUse(t.id)} {...a11y(`套用模板「${t.title}」`, 'button')}>
            {t.title}
          </Text>
        ))}
      </View>
    </View>
  )
}
