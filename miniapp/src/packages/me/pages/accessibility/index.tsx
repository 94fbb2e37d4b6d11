// 无障碍声明: what the mini-program does for older and disabled users, what is known not to work yet, and how to get help or have an opinion submitted for you.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ActionButton } from '../../../../components/ActionButton'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import './index.scss'

/** 政务服务便民热线: answers every day and passes opinions and questions to the development zone's departments. */
export const HELP_PHONE = '12345'

const conforms = [
  '每个按钮、选项和图片都有读屏软件可读的名称（微信小程序和网页版都有）。',
  '“我的”页可开启大字模式，文字、间距和点按区域一起放大；点按区域不小于 48 像素。',
  '状态都用文字说明（如“征集中 · 截止 2026年12月20日”），不只靠颜色区分。',
  '统计图表都附有同样内容的表格。',
  '意见和提问的草稿保存在本机，锁屏或离开后回来可以接着写。',
]

const gaps = [
  '尚未在真机上用微信读屏功能逐页核对朗读顺序。',
  '网页版（工作人员使用）的部分页面在大字模式下尚未逐页检查对比度。',
  '抽签记录的验证步骤需要一定计算机知识，可请工作人员协助核对。',
]

export default function AccessibilityPage() {
  return (
    <PageShell className="gm-accessibility-page">
      <Text className="gm-page__title">无障碍声明</Text>
      <Section title="已经做到的">
        {conforms.map((line) => (
          <Text key={line} className="gm-accessibility-page__item">{`· ${line}`}</Text>
        ))}
      </Section>
      <Section title="已知不足">
        {gaps.map((line) => (
          <Text key={line} className="gm-accessibility-page__item">{`· ${line}`}</Text>
        ))}
      </Section>
      <Section title="需要帮助">
        <Text className="gm-accessibility-page__item">{`使用中遇到困难，可拨打政务服务便民热线 ${HELP_PHONE}，说明要找高新区政民互动平台。`}</Text>
        <Text className="gm-accessibility-page__item">
          代为提交：不方便自己填写的，可以通过电话、来信或到场口述提出意见，工作人员会代为录入，和网上提交的意见一样受理、答复并公开采纳情况。
        </Text>
        <View className="gm-accessibility-page__actions">
          <ActionButton tone="primary" onPress={() => void Taro.makePhoneCall({ phoneNumber: HELP_PHONE }).catch(() => undefined)}>
            {`拨打 ${HELP_PHONE}`}
          </ActionButton>
        </View>
      </Section>
    </PageShell>
  )
}
