// The stages of a 决策事项 (草案公布, 意见征集, 听证, 审议, 结果, 评估) as staff switch them on and fill them in, with each field's error.
import { Text, View } from '@tarojs/components'
import { type DecisionStageKind, decisionStageLabels } from '@gm/shared'
import type { DecisionErrors, StageDraft } from '../../utils/decisionForm'
import { stageErrorKey } from '../../utils/decisionForm'
import { a11y } from '../../utils/a11y'
import { cx } from '../../utils/format'
import { CheckRow } from '../CheckRow'
import { FormField } from '../FormField'
import { TextAreaField } from '../TextAreaField'
import './index.scss'

export interface DecisionStagesEditorProps {
  /** One row per stage kind, in the legal order. */
  stages: readonly StageDraft[]
  /** `stages` for the list, `stages.<KIND>` for a row, `stages.<KIND>.endsAt` for one field. */
  errors: DecisionErrors
  onChange: (kind: DecisionStageKind, patch: Partial<Omit<StageDraft, 'kind'>>) => void
}

const slug = (kind: DecisionStageKind) => kind.toLowerCase().replace(/_/g, '-')

/** 决策阶段: switch each of the six typed stages on or off and give its times, summary and link. */
export function DecisionStagesEditor({ stages, errors, onChange }: DecisionStagesEditorProps) {
  return (
    <View className="gm-stages-editor">
      {stages.map((stage, i) => {
        const label = decisionStageLabels[stage.kind]
        const error = (field: 'startsAt' | 'endsAt' | 'summary' | 'link') => errors[stageErrorKey(stage.kind, field)]
        const rowError = errors[stageErrorKey(stage.kind)]
        const invalid = Boolean(rowError || error('startsAt') || error('endsAt') || error('summary') || error('link'))
        return (
          <View
            key={stage.kind}
            className={cx(
              'gm-stages-editor__stage',
              `gm-stages-editor__stage--${slug(stage.kind)}`,
              stage.enabled && 'gm-stages-editor__stage--on',
              invalid && 'gm-stages-editor__stage--invalid',
            )}
            {...a11y(`${label}阶段`, 'group')}
          >
            <CheckRow
              className="gm-stages-editor__switch"
              label={`${i + 1}. ${label}`}
              hint={stage.enabled ? '已列入，保存后在目录中公开' : '未列入（点按列入此阶段）'}
              checked={stage.enabled}
              onChange={(enabled) => onChange(stage.kind, { enabled })}
            />
            {rowError && (
              <Text className="gm-field__error" {...a11y(undefined, 'alert')}>
                {rowError}
              </Text>
            )}
            {stage.enabled && (
              <View className="gm-stages-editor__fields">
                <FormField
                  name={`stage-${slug(stage.kind)}-startsAt`}
                  label="开始时间"
                  value={stage.startsAt}
                  placeholder="2026-12-01 09:00"
                  hint="北京时间；尚未确定可留空"
                  maxlength={19}
                  error={error('startsAt')}
                  onInput={(v) => onChange(stage.kind, { startsAt: v })}
                />
                <FormField
                  name={`stage-${slug(stage.kind)}-endsAt`}
                  label="结束时间"
                  value={stage.endsAt}
                  placeholder="2026-12-31 18:00"
                  hint="不能早于开始时间；尚未确定可留空"
                  maxlength={19}
                  error={error('endsAt')}
                  onInput={(v) => onChange(stage.kind, { endsAt: v })}
                />
                <TextAreaField
                  name={`stage-${slug(stage.kind)}-summary`}
                  label="阶段说明"
                  value={stage.summary}
                  placeholder="简要说明这一阶段做什么、结果如何"
                  count={{ current: stage.summary.length, max: 500 }}
                  error={error('summary')}
                  onInput={(v) => onChange(stage.kind, { summary: v })}
                />
                <FormField
                  name={`stage-${slug(stage.kind)}-link`}
                  label="相关链接（选填）"
                  value={stage.link}
                  placeholder="/packages/... 或 https://..."
                  hint="小程序内页面（以 / 开头）或 https:// 网址"
                  maxlength={500}
                  error={error('link')}
                  onInput={(v) => onChange(stage.kind, { link: v })}
                />
              </View>
            )}
          </View>
        )
      })}
      {errors.stages && (
        <Text className="gm-field__error" {...a11y(undefined, 'alert')}>
          {errors.stages}
        </Text>
      )}
    </View>
  )
}
