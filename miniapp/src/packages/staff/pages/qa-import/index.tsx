// 批量导入 (editors and reviewers): import Q&A items from an Excel, CSV or JSON file, every row checked first.
import { Text, View } from '@tarojs/components'
import { ActionButton } from '../../../../components/ActionButton'
import { CheckRow } from '../../../../components/CheckRow'
import { FormField } from '../../../../components/FormField'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { QaImportReport } from '../../../../components/QaImportReport'
import { Section } from '../../../../components/Section'
import { StaffGate } from '../../../../components/StaffGate'
import { useQaImport, useStaffGate } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import { platform } from '../../../../platform'
import { a11y } from '../../../../utils/a11y'
import './index.scss'

const busyTexts = { uploading: '正在上传…', checking: '正在检查…', importing: '正在导入…' } as const

const sizeOf = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`)

/** 批量导入 (EDITOR, REVIEWER): choose a file, check every row, import all or nothing. */
export default function StaffQaImportPage() {
  const gate = useStaffGate('EDITOR', 'REVIEWER')
  const run = useQaImport()
  const { file, options, busy } = run

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-qa-import" refusal="批量导入由编辑和审核人员进行，您的账号没有此权限。" />
  const { can } = gate

  return (
    <PageShell className="gm-staff-qa-import">
      <Text className="gm-page__title">批量导入问答</Text>
      <Section title="文件要求">
        <Text className="gm-staff-qa-import__text">
          支持 Excel（.xlsx）、CSV（UTF-8 编码）和 JSON 文件，最大 20
          MB。第一行为表头，须有“问题”“答案”两列，可选：编号、相似问法、主题、答复部门、依据文号、条款序号、复核日期。
        </Text>
        <Text className="gm-staff-qa-import__text">编号与已有条目相同的行将更新该条目。只要有一行不符合要求，就一条都不导入，并逐行列出需要改正的地方。</Text>
        <Text className="gm-staff-qa-import__text">可先在问答库页面「导出 Excel」作为模板。</Text>
      </Section>

      <Section title="选择文件">
        {platform.name === 'weapp' && <Text className="gm-staff-qa-import__text">请先把文件发到微信聊天（如“文件传输助手”），再从聊天中选择。</Text>}
        {file ? (
          <Text className="gm-staff-qa-import__file" {...a11y(`已选择 ${file.name}`, 'status')}>{`已选择：${file.name}（${sizeOf(file.bytes.length)}）`}</Text>
        ) : (
          <Text className="gm-staff-qa-import__text">尚未选择文件</Text>
        )}
        {run.fileError && <Notice tone="error">{run.fileError}</Notice>}
        <ActionButton onPress={() => void run.choose()} disabled={busy !== null}>
          {file ? '重新选择文件' : '选择文件'}
        </ActionButton>
      </Section>

      <Section title="导入选项">
        {can('REVIEWER') && (
          <CheckRow
            label="导入后直接发布"
            hint="不勾选时导入为草稿，发布前公众看不到"
            checked={options.publish}
            onChange={(v) => run.setOption('publish', v)}
          />
        )}
        <CheckRow
          label="自动新增文件中的新主题"
          hint="不勾选时，主题不在列表中的行会报错"
          checked={options.createTopics}
          onChange={(v) => run.setOption('createTopics', v)}
        />
        <FormField
          name="defaultTopic"
          label="默认主题（选填）"
          value={options.defaultTopic}
          placeholder="如：综合"
          hint="“主题”一栏为空的行使用这个主题"
          maxlength={20}
          error={run.optionErrors.defaultTopic}
          onInput={(v) => run.setOption('defaultTopic', v)}
        />
      </Section>

      <View className="gm-staff-qa-import__actions">
        {run.progress && (
          <Text className="gm-staff-qa-import__progress" {...a11y(undefined, 'status')}>{`正在上传：第 ${run.progress.sent} / ${run.progress.total} 段`}</Text>
        )}
        <ActionButton onPress={() => void run.check()} disabled={!file || busy !== null} busy={busy === 'checking'} busyText={busyTexts.checking}>
          检查文件（不导入）
        </ActionButton>
        <ActionButton
          tone="primary"
          onPress={() => void run.run()}
          disabled={!file || busy !== null}
          busy={busy === 'importing' || busy === 'uploading'}
          busyText={busy ? busyTexts[busy] : '正在导入…'}
        >
          开始导入
        </ActionButton>
      </View>

      {run.error && <Notice tone="error">{run.error.message}</Notice>}
      <QaImportReport report={run.report} rowErrors={run.rowErrors} format={file?.format ?? null} />
      {run.report && !run.report.dryRun && <ActionButton onPress={() => openPage(routes.staffQa())}>查看问答库</ActionButton>}
    </PageShell>
  )
}
