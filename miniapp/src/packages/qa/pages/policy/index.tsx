// 政策文件: one policy document's validity (following its topic and issuing department), replacements, summary, interpretations, full text and attachments.
import { Text, View } from '@tarojs/components'
import { interpretationKindLabels, policyValidityLabels } from '@gm/shared'
import { Badge } from '../../../../components/Badge'
import { FollowButton } from '../../../../components/FollowButton'
import { InfoList } from '../../../../components/InfoList'
import { LinkRow } from '../../../../components/LinkRow'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { followLink } from '../../../../components/QaRichText'
import { Paragraphs, Section } from '../../../../components/Section'
import { usePolicy, useRouteId } from '../../../../hooks'
// Not through the hooks index: the follow hook stays out of the main package (only sub-packages use it).
import { useFollow } from '../../../../hooks/useFollows'
import { openPage, routes } from '../../../../navigation'
import { a11y } from '../../../../utils/a11y'
import { dateInWords } from '../../../../utils/format'
import './index.scss'

export default function PolicyPage() {
  const policy = usePolicy(useRouteId())
  const followTopic = useFollow('TOPIC', policy.data?.topic ?? undefined)
  const followIssuer = useFollow('DEPARTMENT', policy.data?.issuerDepartment?.id)

  return (
    <PageShell className="gm-policy-page">
      <LoadGate data={policy.data} loading={policy.loading} error={policy.error} onRetry={() => void policy.reload()}>
        {(doc) => (
          <View>
            <View className="gm-policy-page__head">
              <Badge tone={doc.validity === 'VALID' ? 'open' : 'closed'}>{policyValidityLabels[doc.validity]}</Badge>
              {doc.topic && <Text className="gm-policy-page__topic">{doc.topic}</Text>}
            </View>
            <Text className="gm-page__title">{doc.title}</Text>
            {doc.topic && (
              <FollowButton
                name={`政策主题「${doc.topic}」`}
                following={followTopic.following}
                busy={followTopic.busy}
                error={followTopic.error?.message}
                onPress={() => void followTopic.toggle()}
              />
            )}
            {doc.validity !== 'VALID' && (
              <Notice tone="error">
                {`本文件${doc.validityChangedAt ? `自 ${dateInWords(doc.validityChangedAt)} 起` : ''}${policyValidityLabels[doc.validity]}${doc.replacedBy ? `，现行文件为《${doc.replacedBy.title}》（${doc.replacedBy.docNumber}）` : ''}。${doc.validityNote ?? ''}`}
              </Notice>
            )}
            <InfoList
              items={[
                { label: '发文机关', value: doc.issuer },
                { label: '文号', value: doc.docNumber },
                { label: '成文日期', value: dateInWords(doc.writtenAt) },
                { label: '发布日期', value: dateInWords(doc.publishedAt) },
                { label: '效力状态', value: policyValidityLabels[doc.validity] },
              ]}
            />
            {doc.issuerDepartment && (
              <FollowButton
                name={`发文机关${doc.issuerDepartment.name}`}
                following={followIssuer.following}
                busy={followIssuer.busy}
                error={followIssuer.error?.message}
                onPress={() => void followIssuer.toggle()}
              />
            )}
            {doc.replacedBy && (
              <LinkRow
                title="查看现行文件"
                hint={`${doc.replacedBy.title}（${doc.replacedBy.docNumber}）`}
                onOpen={() => openPage(routes.qaPolicy(doc.replacedBy!.id))}
              />
            )}
            {doc.replaces.map((r) => (
              <LinkRow key={r.id} title="本文件替代了" hint={`${r.title}（${r.docNumber}）`} onOpen={() => openPage(routes.qaPolicy(r.id))} />
            ))}
            {doc.summary && (
              <Section title="内容摘要">
                <Paragraphs text={doc.summary} />
              </Section>
            )}
            {doc.interpretations.length > 0 && (
              <Section title="政策解读">
                {doc.interpretations.map((i) => (
                  <LinkRow
                    key={i.id}
                    title={i.title}
                    hint={`${interpretationKindLabels[i.kind]}${i.author ? ` · ${i.author}` : ''}`}
                    onOpen={() => openPage(routes.qaInterpretation(i.id))}
                  />
                ))}
              </Section>
            )}
            <Section title="全文">
              {doc.sections.length === 0 && <Text className="gm-policy-page__empty">暂无全文</Text>}
              {doc.sections.map((s) => (
                <View key={s.id} className="gm-policy-page__section">
                  <Text className="gm-policy-page__section-heading">{s.heading}</Text>
                  <Paragraphs text={s.body} />
                </View>
              ))}
            </Section>
            {doc.attachments.length > 0 && (
              <Section title="附件">
                {doc.attachments.map((a) => (
                  <Text key={a.url} className="gm-policy-page__attachment" onClick={() => followLink(a.url)} {...a11y(`附件：${a.title}`, 'link')}>
                    {a.title}
                  </Text>
                ))}
              </Section>
            )}
            {doc.qaItems.length > 0 && (
              <Section title="相关问答">
                {doc.qaItems.map((q) => (
                  <LinkRow key={q.id} title={q.question} hint={q.reviewNotice ?? q.topic} onOpen={() => openPage(routes.qaDetail(q.id))} />
                ))}
              </Section>
            )}
          </View>
        )}
      </LoadGate>
    </PageShell>
  )
}
