// 政策解读: one interpretation of a policy document, with a warning when the document is no longer valid and a link to it.
import { Text, View } from '@tarojs/components'
import { interpretationKindLabels, policyValidityLabels } from '@gm/shared'
import { InfoList } from '../../../../components/InfoList'
import { LinkRow } from '../../../../components/LinkRow'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { QaRichText } from '../../../../components/QaRichText'
import { Section } from '../../../../components/Section'
import { usePolicyInterpretation, useRouteId } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import { dateInWords } from '../../../../utils/format'
import './index.scss'

export default function InterpretationPage() {
  const interpretation = usePolicyInterpretation(useRouteId())

  return (
    <PageShell className="gm-interpretation-page">
      <LoadGate data={interpretation.data} loading={interpretation.loading} error={interpretation.error} onRetry={() => void interpretation.reload()}>
        {(it) => (
          <View>
            <Text className="gm-interpretation-page__kind">{interpretationKindLabels[it.kind]}</Text>
            <Text className="gm-page__title">{it.title}</Text>
            <InfoList
              items={[
                ...(it.author ? [{ label: '解读单位', value: it.author }] : []),
                ...(it.releasedAt ? [{ label: '发布日期', value: dateInWords(it.releasedAt) }] : []),
                { label: '解读文件', value: `${it.document.title}（${it.document.docNumber}）` },
                { label: '文件效力', value: policyValidityLabels[it.document.validity] },
              ]}
            />
            {it.document.validity !== 'VALID' && (
              <Notice tone="error">{`所解读的文件${policyValidityLabels[it.document.validity]}，解读内容仅供参考。`}</Notice>
            )}
            <Section title="解读内容">
              <QaRichText blocks={it.body} />
            </Section>
            <LinkRow title="查看政策原文" hint={it.document.title} onOpen={() => openPage(routes.qaPolicy(it.document.id))} />
          </View>
        )}
      </LoadGate>
    </PageShell>
  )
}
