// The text of the privacy notice citizens accept before personal data is first collected (tied to PRIVACY_NOTICE_VERSION).
import { PRIVACY_NOTICE_VERSION } from '@gm/shared'

/**
 * The privacy notice citizens accept before we first collect personal data. Changing the text
 * means bumping PRIVACY_NOTICE_VERSION in shared/src/schemas/identity.ts, so everybody is asked
 * again.
 */
export const privacyNotice = {
  version: PRIVACY_NOTICE_VERSION,
  title: '个人信息保护说明',
  sections: [
    {
      heading: '用途',
      text: '仅用于处理您提交的意见建议、活动报名，以及向您发送答复和报名结果等消息。不用于其他目的，不向任何第三方提供。',
    },
    {
      heading: '收集的信息',
      text: '微信身份标识（用于识别您本人）；您填写的称呼；您提交的意见和报名信息；您授权后获取的手机号（仅用于工作人员联系您，不公开）。您的意见公开展示前会隐去姓名、电话等个人信息。',
    },
    {
      heading: '保存期限',
      text: '在相关意见征集或活动办结所需的期限内保存，期满后删除或作去标识化处理。您可以随时在「我的 → 我的个人信息」中查看或删除您的个人信息。',
    },
    {
      heading: '联系方式',
      text: '如对个人信息处理有疑问或投诉，可联系本平台运营单位或意见征集页面所列的承办单位。',
    },
  ],
} as const
