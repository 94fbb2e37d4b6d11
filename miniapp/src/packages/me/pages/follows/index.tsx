// 我的关注: the decisions, departments and policy topics the citizen follows, each with 取消关注; topics can be followed here.
import { Text, View } from '@tarojs/components'
import { followTargetLabels } from '@gm/shared'
import { ActionButton } from '../../../../components/ActionButton'
import { LinkRow } from '../../../../components/LinkRow'
import { LoadGate } from '../../../../components/LoadGate'
import { PageShell } from '../../../../components/PageShell'
import { useMyFollows } from '../../../../hooks/useFollows'
import { openLink } from '../../../../navigation'
import { dateInWords } from '../../../../utils/format'
import './index.scss'

export default function MyFollowsPage() {
  const follows = useMyFollows()
  return (
    <PageShell className="gm-follows-page">
      <Text className="gm-page__title">我的关注</Text>
      <Text className="gm-follows-page__hint">
        关注的事项有新的意见征集、征集即将截止（前 3 天），或关注的政策主题有新政策、新问答时，会在“我的消息”通知您；开启微信提醒后也会通过微信通知。
      </Text>
      <LoadGate data={follows.data} loading={follows.loading} error={follows.error} onRetry={() => void follows.reload()}>
        {(items) =>
          items.length === 0 ? (
            <Text className="gm-follows-page__empty">还没有关注。在决策事项页面点“关注”即可关注该事项或承办部门。</Text>
          ) : (
            <View>
              {items.map((f) => (
                <View key={`${f.targetType}:${f.targetKey}`} className="gm-follows-page__item">
                  <LinkRow title={f.name} hint={`${followTargetLabels[f.targetType]} · ${dateInWords(f.createdAt)} 关注`} onOpen={() => openLink(f.link)} />
                  <ActionButton onPress={() => void follows.unfollow(f)}>{`取消关注${f.name}`}</ActionButton>
                </View>
              ))}
            </View>
          )
        }
      </LoadGate>
    </PageShell>
  )
}
