// The 我的 tab: account panel and sign-in, service figures, large-font switch, links to the catalogue, statistics and my questions, and the privacy notice.
import { Text, View } from '@tarojs/components'
import { AccountPanel } from '../../components/AccountPanel'
import { LargeFontSwitch } from '../../components/LargeFontSwitch'
import { LinkRow } from '../../components/LinkRow'
import { LoadGate } from '../../components/LoadGate'
import { OverviewPanel } from '../../components/OverviewPanel'
import { PageShell } from '../../components/PageShell'
import { Paragraphs, Section } from '../../components/Section'
import { useAction, useLargeFont, useOverview, useSession } from '../../hooks'
import { openPage, routes } from '../../navigation'
import './index.scss'

const privacyText = `本服务由政府部门提供，用于重大行政决策意见征集、活动报名和政策问答。
浏览征集草案、活动和问答无需登录，也不收集您的个人信息。
提交意见或报名活动时，我们仅收集完成该事项所必需的信息（如微信身份标识、您填写的联系方式），只用于处理您的意见或报名，不用于其他目的，不向第三方提供。
您的意见在公开展示前会隐去姓名、电话等个人信息。
登录后，您可以在「我的个人信息」中查看或删除您的个人信息。
“大字模式”等偏好设置只保存在您的手机上。`

export default function MinePage() {
  const session = useSession()
  const signOut = useAction(session.signOut)
  const overview = useOverview()
  const largeFont = useLargeFont()

  return (
    <PageShell className="gm-mine-page">
      <AccountPanel
        me={session.me}
        signingOut={signOut.running}
        onSignIn={() => openPage(routes.login())}
        onSignOut={() => void signOut.run()}
        onOpenNotifications={() => openPage(routes.notifications())}
        onOpenFollows={() => openPage(routes.myFollows())}
        onOpenOpinions={() => openPage(routes.myOpinions())}
        onOpenRegistrations={() => openPage(routes.myRegistrations())}
        onOpenMyData={() => openPage(routes.myData())}
        onOpenWorkbench={() => openPage(routes.staffHome())}
      />
      <Text className="gm-page__title">服务概况</Text>
      <LoadGate data={overview.data} loading={overview.loading} error={overview.error} onRetry={() => void overview.reload()}>
        {(data) => <OverviewPanel overview={data} />}
      </LoadGate>
      <LargeFontSwitch checked={largeFont.enabled} onChange={largeFont.setEnabled} />
      <LinkRow title="决策事项目录" hint="查看本年度重大行政决策事项及进展" onOpen={() => openPage(routes.decisionList())} />
      <LinkRow title="公开统计" hint="各年度意见的收到、采纳和答复用时，各部门邀请列席次数" onOpen={() => openPage(routes.publicStatistics())} />
      <LinkRow title="我的提问" hint="向工作人员咨询的政策问题及答复" onOpen={() => openPage(routes.qaMyQuestions())} />
      <LinkRow title="无障碍声明" hint="已做到的、已知不足，电话求助和代为提交" onOpen={() => openPage(routes.accessibility())} />
      <Section title="隐私说明" className="gm-privacy">
        <Paragraphs text={privacyText} />
      </Section>
      <View className="gm-mine-page__footer">
        <Text>如有疑问，请联系各承办单位</Text>
      </View>
    </PageShell>
  )
}
