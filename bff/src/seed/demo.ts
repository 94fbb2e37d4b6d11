// Demo content for a development zone (departments, consultations in every state, events, policies, Q&A), loaded into an empty database.
import { type DecisionStageInput, DrawQuotasSchema, shanghaiParts, shanghaiTime } from '@gm/shared'
import type { Database, DbOrTx } from '../db/client'
import { findDraftSections, insertConsultation, markFeedbackPublished, markPublished } from '../repositories/consultation'
import { insertDecision } from '../repositories/decision'
import { findDepartments, insertDepartment } from '../repositories/department'
import { insertEvent } from '../repositories/event'
import { insertAnswer, insertGroup, insertOpinion, saveGroupAnswer, updateModeration } from '../repositories/opinion'
import { findPolicySections, insertInterpretation, insertPolicy, updateInterpretation, updatePolicyState } from '../repositories/policy'
import { bumpQaLibraryVersion, insertPlainQaItems, insertQaTopics } from '../repositories/qa'
import { DEMO_QA_LIBRARY, DEMO_QA_TOPICS } from './qaDemoLibrary'
import { insertInvitedRegistrations } from '../repositories/registration'
import { insertStaff, updateStaffRow } from '../repositories/staff'
import { newDrawSecret } from '../services/lottery'

/**
 * Demo content for a development zone (高新区), drawn from the real 政务公开 work plans in
 * ../shared/data/plans: the departments they name and the kinds of decisions they require to be
 * consulted on. Dates are relative to `now` so there is always a consultation in each state.
 */
const DEPARTMENTS = [
  '管委会办公室',
  '经济发展局',
  '建设局',
  '财政金融局',
  '市场监管局',
  '社会事务局',
  '教育和体育事业中心',
  '卫生健康管理局',
  '自然资源与规划建设管理局',
  '人力资源和社会保障局',
  '政务服务中心',
  '应急管理局',
] as const
type DepartmentName = (typeof DEPARTMENTS)[number]

const clauses = (...items: [string, string][]) => items.map(([heading, body]) => ({ heading, body }))

/** A stage of a catalogue entry as the catalogue's repository takes it. */
const stage = (kind: DecisionStageInput['kind'], startsAt: Date, summary: string, more: { endsAt?: Date; link?: string } = {}): DecisionStageInput => ({
  kind,
  startsAt: startsAt.toISOString(),
  endsAt: more.endsAt?.toISOString() ?? null,
  summary,
  link: more.link ?? null,
})

/** A demo opinion as submitted online: no citizen account, consent to publish it masked. */
const insertDemoOpinion = (db: DbOrTx, data: { consultationId: number; sectionId?: number | null; receiptCode: string; rawText: string; createdAt: Date }) =>
  insertOpinion(db, {
    sectionId: null,
    ...data,
    citizenId: null,
    consent: 'PUBLISH_MASKED',
    authorName: null,
    contactPhone: null,
    idempotencyKey: null,
    requestHash: null,
    secCheckSuggest: null,
  })

/** True when the database already holds content (seeding only ever fills an empty database). */
export async function hasContent(db: Database): Promise<boolean> {
  return (await findDepartments(db)).length > 0
}

export async function seedDemo(db: Database, now: Date = new Date()): Promise<void> {
  // Days are counted from today (Asia/Shanghai) and each moment falls on a clock time people meet it at (09:00, 14:30),
  // never on the minute the seed happened to run.
  const today = shanghaiParts(now)
  const at = (days: number, clock = '09:00') => {
    const [hour, minute] = clock.split(':').map(Number)
    return shanghaiTime(today.year, today.month, today.day + days, hour, minute)
  }
  const year = today.year
  // The catalogue (重大行政决策事项目录) was published before any of its stages.
  const catalogPublishedAt = at(-100, '10:00')

  await db.$transaction(
    async (tx) => {
      const dept = {} as Record<DepartmentName, number>
      for (const name of DEPARTMENTS) dept[name] = (await insertDepartment(tx, name)).id

      const renovation = await insertDecision(
        tx,
        {
          year,
          title: '高新区老旧小区改造提升三年行动方案',
          summary: '对 2000 年以前建成的 46 个老旧小区实施基础设施、加装电梯、适老化和无障碍设施改造，明确资金筹措与居民参与机制。',
          departmentId: dept['建设局'],
          plannedDecisionAt: `${year}年第四季度`,
          participationMethods: ['网上征求意见', '座谈会', '公众代表列席决策会议'],
        },
        [
          stage('DRAFT_PUBLISHED', at(-12), '草案及起草说明在政府网站和本平台同步公布'),
          stage('CONSULTATION', at(-12), '公开征求社会公众意见，期限 36 天', { endsAt: at(24) }),
          stage('HEARING', at(30), '邀请居民代表、专家座谈'),
          stage('MEETING_REVIEW', at(45), '管委会主任办公会审议，公开遴选公众代表列席'),
        ],
        catalogPublishedAt,
      )
      const schools = await insertDecision(
        tx,
        {
          year,
          title: '高新区中小学幼儿园布局规划（2026—2030年）',
          summary: '根据学龄人口预测，新建、改扩建中小学和幼儿园，优化学区划分。',
          departmentId: dept['教育和体育事业中心'],
          plannedDecisionAt: `${year + 1}年第一季度`,
          participationMethods: ['网上征求意见', '听证会'],
        },
        [stage('DRAFT_PUBLISHED', at(5), '草案将于征集开始时公布')],
        catalogPublishedAt,
      )
      const techPolicy = await insertDecision(
        tx,
        {
          year,
          title: '高新区促进科技型中小企业高质量发展若干政策',
          summary: '研发投入补助、首台（套）奖励、孵化载体扶持和人才安居等 12 条措施。',
          departmentId: dept['经济发展局'],
          plannedDecisionAt: `${year}年第三季度`,
          participationMethods: ['网上征求意见', '企业座谈会'],
        },
        [
          stage('DRAFT_PUBLISHED', at(-75), '草案公布'),
          stage('CONSULTATION', at(-75), '征求意见 35 天，收到意见建议 3 条', { endsAt: at(-40) }),
          stage('MEETING_REVIEW', at(-30), '管委会主任办公会审议通过'),
          stage('DECISION_RESULT', at(-20), '正式印发实施', { link: '/api/qa?topic=创业' }),
        ],
        catalogPublishedAt,
      )

      const openConsultation = await insertConsultation(
        tx,
        {
          decisionId: renovation.id,
          departmentId: dept['建设局'],
          title: '关于《高新区老旧小区改造提升三年行动方案（征求意见稿）》公开征求意见的公告',
          summary: '为改善老旧小区居住条件，现就改造范围、改造内容、资金筹措和居民参与方式公开征求意见。',
          explanation:
            '本方案依据国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见起草。起草过程中开展了入户调查 3,200 余户，征求了街道、社区和相关部门意见。',
          background: '辖区内 2000 年以前建成的小区共 46 个，涉及居民 1.8 万户，普遍存在管网老化、无电梯、停车难、缺少适老化设施等问题。',
          isMajorDecision: true,
          opensAt: at(-12, '00:00'),
          closesAt: at(24, '00:00'),
          shortWindowReason: null,
        },
        clauses(
          ['第一条 改造范围', '本方案适用于高新区内 2000 年以前建成、失养失修失管、市政配套设施不完善的住宅小区。'],
          [
            '第二条 改造内容',
            '基础类改造包括供水、排水、供气、供电等管网更新；完善类改造包括加装电梯、停车设施、无障碍和适老化设施；提升类改造包括养老、托育、助餐等社区服务设施。',
          ],
          ['第三条 资金筹措', '改造资金由财政补助、专营单位出资、居民合理分担和社会资本参与共同筹措，加装电梯每部财政补助不超过 20 万元。'],
          ['第四条 居民参与', '改造方案须经小区三分之二以上居民同意；施工期间设立居民监督小组，竣工验收邀请居民代表参加。'],
          ['第五条 实施步骤', '2026 年完成 16 个小区，2027 年完成 15 个小区，2028 年完成 15 个小区。'],
        ),
      )
      await markPublished(tx, openConsultation.id, 1, at(-12, '00:00'))
      await insertDemoOpinion(tx, {
        consultationId: openConsultation.id,
        receiptCode: 'DEMO-0001',
        rawText: '建议加装电梯的补助向高龄老人多的楼栋倾斜。',
        createdAt: at(-3, '20:15'),
      })
      await insertDemoOpinion(tx, {
        consultationId: openConsultation.id,
        receiptCode: 'DEMO-0002',
        rawText: '施工期间请保证夜间不施工，垃圾及时清运。我家住幸福小区 3 栋 2 单元 501 室。',
        createdAt: at(-1, '08:40'),
      })

      const parking = await insertConsultation(
        tx,
        {
          decisionId: null,
          departmentId: dept['自然资源与规划建设管理局'],
          title: '关于《高新区城市公共停车设施建设管理办法（征求意见稿）》公开征求意见的公告',
          summary: '规范公共停车设施规划、建设、收费和智慧停车管理，鼓励错峰共享停车。',
          explanation: '为缓解停车难，起草本办法。因需与年度停车设施建设计划同步实施，征求意见期限为 20 天。',
          background: '高新区机动车保有量年均增长 12%，公共停车泊位缺口约 6,000 个。',
          isMajorDecision: true,
          shortWindowReason: '与年度停车设施建设计划同步实施，经管委会批准缩短征求意见期限',
          opensAt: at(-5, '00:00'),
          closesAt: at(15, '00:00'),
        },
        clauses(
          ['第一条 目的依据', '为加强公共停车设施建设和管理，根据有关法律法规，结合本区实际，制定本办法。'],
          ['第二条 共享停车', '鼓励机关、企事业单位内部停车场在夜间和节假日向社会错峰开放。'],
          ['第三条 收费管理', '公共停车设施实行差别化收费，首 30 分钟免费。'],
        ),
      )
      await markPublished(tx, parking.id, 1, at(-5, '00:00'))

      const schoolLayout = await insertConsultation(
        tx,
        {
          decisionId: schools.id,
          departmentId: dept['教育和体育事业中心'],
          title: '关于《高新区中小学幼儿园布局规划（2026—2030年）（草案）》公开征求意见的公告',
          summary: '规划新建中小学 6 所、幼儿园 9 所，调整部分学区划分。',
          explanation: '规划依据学龄人口预测和城市总体规划编制。',
          background: '近三年辖区新入学儿童年均增长 9%，部分学校大班额问题突出。',
          isMajorDecision: true,
          opensAt: at(5, '00:00'),
          closesAt: at(40, '00:00'),
          shortWindowReason: null,
        },
        clauses(
          ['第一条 规划目标', '到 2030 年，义务教育学位满足适龄儿童就近入学需求，普惠性幼儿园覆盖率达到 90% 以上。'],
          ['第二条 新建学校', '新建小学 4 所、初中 2 所、幼儿园 9 所，选址详见附件。'],
        ),
      )
      await markPublished(tx, schoolLayout.id, 1, at(-2, '10:00'))

      const closedConsultation = await insertConsultation(
        tx,
        {
          decisionId: techPolicy.id,
          departmentId: dept['经济发展局'],
          title: '关于《高新区促进科技型中小企业高质量发展若干政策（征求意见稿）》公开征求意见的公告',
          summary: '研发投入补助、首台（套）奖励、孵化载体扶持和人才安居等 12 条措施。',
          explanation: '落实创新驱动发展战略，对标先进地区政策起草。',
          background: '辖区科技型中小企业 1,260 家，研发投入强度有待提高。',
          isMajorDecision: true,
          opensAt: at(-75, '00:00'),
          closesAt: at(-40, '00:00'),
          shortWindowReason: null,
        },
        clauses(
          ['第一条 研发投入补助', '对年度研发投入超过 500 万元的企业，按新增研发投入的 10% 给予补助，最高 200 万元。'],
          ['第二条 人才安居', '对企业引进的博士研究生给予每月 2,000 元租房补贴，最长 3 年。'],
        ),
      )
      await markPublished(tx, closedConsultation.id, 1, at(-75, '00:00'))
      await markFeedbackPublished(tx, closedConsultation.id, at(-25, '16:00'))
      // The closed consultation's feedback is published: a concentrated opinion not adopted, with
      // its reason, and an adopted one — the loop the work plans require, end to end.
      const answeredBy = await insertStaff(tx, {
        username: 'demo.reviewer',
        displayName: '经济发展局审核员（演示）',
        role: 'REVIEWER',
        departmentId: dept['经济发展局'],
        passwordHash: 'disabled', // cannot sign in: not a password hash
        mustChangePassword: true,
      })
      await updateStaffRow(tx, answeredBy.id, { disabledAt: at(-1, '17:30') })
      const closedSections = await findDraftSections(tx, closedConsultation.id, 1)
      // [receipt, text, published text, in the concentrated opinion (answered as a group)]
      const closedOpinions: [string, string, string, boolean][] = [
        ['DEMO-0101', '建议将研发补助门槛降低到 300 万元，惠及更多小微企业。', '建议将研发补助门槛降低到 300 万元，惠及更多小微企业。', true],
        [
          'DEMO-0104',
          '研发投入 500 万元的门槛太高，我们公司年投入 200 万元左右，希望降低门槛。联系电话 13912345678。',
          '研发投入 500 万元的门槛太高，我们公司年投入 200 万元左右，希望降低门槛。联系电话 139****5678。',
          true,
        ],
        ['DEMO-0102', '人才安居补贴建议覆盖硕士研究生。', '人才安居补贴建议覆盖硕士研究生。', false],
        ['DEMO-0103', '希望补助资金申报流程全程网上办理。', '希望补助资金申报流程全程网上办理。', false],
      ]
      const grouped: number[] = []
      for (const [receiptCode, rawText, publishedText, inGroup] of closedOpinions) {
        const opinion = await insertDemoOpinion(tx, {
          consultationId: closedConsultation.id,
          sectionId: receiptCode === 'DEMO-0102' ? closedSections[1]!.id : receiptCode === 'DEMO-0103' ? null : closedSections[0]!.id,
          receiptCode,
          rawText,
          createdAt: at(-60, '19:25'),
        })
        await updateModeration(tx, opinion.id, {
          moderation: 'APPROVED',
          publishedText,
          publishedExemptions: [],
          masks: [],
          hiddenReason: null,
          moderatedAt: at(-38, '10:30'),
          moderatedById: answeredBy.id,
        })
        if (inGroup) grouped.push(opinion.id)
        else {
          const adopted = receiptCode === 'DEMO-0103'
          await insertAnswer(tx, opinion.id, {
            adoption: adopted ? 'ADOPTED' : 'PARTIALLY_ADOPTED',
            reason: adopted ? null : '硕士研究生纳入人才安居补贴，但补贴标准为每月 1,000 元，以控制财政支出规模。',
            content: adopted ? '已采纳。补助资金申报将通过“政策兑现”平台全程网上办理。' : '部分采纳。修改后的第二条将硕士研究生纳入补贴范围。',
            departmentId: dept['经济发展局'],
            repliedAt: at(-30, '15:00'),
            staffId: answeredBy.id,
          })
        }
      }
      const lowerThreshold = await insertGroup(tx, closedConsultation.id, '建议降低研发投入补助门槛', grouped)
      await saveGroupAnswer(tx, lowerThreshold.id, {
        adoption: 'NOT_ADOPTED',
        reason: '补助门槛与省级研发费用补助政策衔接，降低门槛将与上级政策重复支持；小微企业可申请科技型中小企业创新券。',
        content: '经研究，暂不调整补助门槛。小微企业研发支持已通过创新券政策覆盖，详见高新区科技创新券管理办法。',
        departmentId: dept['经济发展局'],
        repliedAt: at(-30, '15:00'),
      })

      await insertEvent(tx, {
        kind: 'OPEN_DAY',
        title: '政府开放日：走进高新区政务服务中心',
        description: '参观“一窗受理”大厅和 24 小时自助服务区，体验企业开办“一日办结”，与窗口工作人员面对面交流。',
        place: '高新区政务服务中心一楼大厅（地图：高新区政务服务中心）',
        departmentId: dept['政务服务中心'],
        startsAt: at(14, '09:30'),
        endsAt: at(14, '11:30'),
        signupOpensAt: at(-3, '09:00'),
        signupClosesAt: at(10, '18:00'),
        capacity: 40,
        reservedSeats: 5,
        waitlistCapacity: 20,
        selectionMode: 'FIRST_COME',
        publishedAt: at(-4, '16:30'),
        eligibility: '年满 16 周岁的辖区居民和企业职工',
      })
      await insertEvent(tx, {
        kind: 'MEETING_ATTENDANCE',
        title: '公众代表列席管委会主任办公会（审议老旧小区改造方案）',
        description: '公开遴选利益相关方、公众代表、专家和媒体列席会议，会后告知意见采纳情况和会议决定。',
        place: '高新区管委会 3 楼第一会议室',
        departmentId: dept['管委会办公室'],
        decisionId: renovation.id,
        startsAt: at(45, '14:30'),
        endsAt: at(45, '16:30'),
        signupOpensAt: at(-1, '09:00'),
        signupClosesAt: at(30, '17:00'),
        capacity: 10,
        reservedSeats: 2,
        selectionMode: 'LOTTERY',
        ...newDrawSecret(),
        // Fixed and public before signups opened (an event's quotas never change once they open).
        drawQuotas: DrawQuotasSchema.parse([
          { field: 'category', value: 'STAKEHOLDER', seats: 4 },
          { field: 'ageBand', value: '60+', seats: 2 },
        ]),
        publishedAt: at(-2, '15:00'),
        eligibility: '改造范围内小区居民优先；专家、媒体代表各 1 名另行邀请',
      })
      const hearing = await insertEvent(tx, {
        kind: 'HEARING',
        title: '科技型中小企业政策企业座谈会',
        description: '听取企业对研发补助和人才安居政策的意见建议。',
        place: '高新区创业服务中心 2 楼会议室',
        departmentId: dept['经济发展局'],
        decisionId: techPolicy.id,
        startsAt: at(-50, '14:30'),
        endsAt: at(-50, '16:30'),
        signupOpensAt: at(-65, '09:00'),
        signupClosesAt: at(-55, '17:00'),
        capacity: 20,
        confirmedCount: 17,
        selectionMode: 'REVIEW',
        publishedAt: at(-66, '10:00'),
        outcomeSummary: '17 家企业代表参加座谈，提出意见建议 9 条，已在政策修改稿中吸收 4 条，会议纪要已公开。',
        outcomePublishedAt: at(-48, '11:00'),
        eligibility: '辖区科技型中小企业负责人或研发负责人',
      })

      // The past 座谈会's 17 attendees (no citizen accounts: invited by the department).
      await insertInvitedRegistrations(
        tx,
        Array.from({ length: 17 }, (_, i) => ({
          eventId: hearing.id,
          name: `企业代表${i + 1}`,
          phone: `1390000${String(1000 + i)}`,
          category: 'STAKEHOLDER' as const,
          status: 'CHECKED_IN' as const,
          checkInCode: `DEMOCHK${String(i).padStart(3, '0')}`,
          publicCode: `RDEMO${String(i).padStart(3, '0')}`,
          checkedInAt: at(-50, '14:20'),
        })),
      )

      // —— policy documents, interpretations and the Q&A library ——
      const techPolicyDocId = (
        await insertPolicy(tx, {
          title: '高新区促进科技型中小企业高质量发展若干政策',
          issuer: '高新区管委会',
          docNumber: `高新管发〔${year}〕12号`,
          writtenAt: at(-22),
          publishedAt: at(-20),
          topic: '创业',
          summary: '从研发投入、人才引进、融资担保三方面支持辖区科技型中小企业。',
          sections: [
            { heading: '第一条 研发投入补助', body: '年度研发投入超过 500 万元的企业，按新增研发投入的 10% 给予补助，最高 200 万元。' },
            { heading: '第二条 人才租房补贴', body: '企业引进的博士研究生，每月给予 2,000 元租房补贴，最长 3 年。' },
            { heading: '第三条 融资担保', body: '对为科技型中小企业提供贷款担保的机构给予担保费补贴。' },
          ],
          attachments: [{ title: '政策申报指南', url: 'https://www.example.gov.cn/zcjd/kjzxqy-guide.pdf' }],
        })
      ).id
      await updatePolicyState(tx, techPolicyDocId, { status: 'PUBLISHED', releasedAt: at(-20) })
      const techPolicyDoc = { id: techPolicyDocId, sections: await findPolicySections(tx, techPolicyDocId) }
      const pensionDocId = (
        await insertPolicy(tx, {
          title: '关于做好企业职工基本养老保险待遇领取工作的通知',
          issuer: '人力资源和社会保障局',
          docNumber: `高新人社发〔${year}〕3号`,
          writtenAt: at(-200),
          publishedAt: at(-195),
          topic: '养老',
          summary: '',
          sections: [
            { heading: '一、领取条件', body: '达到法定退休年龄且累计缴费满 15 年的参保人员，可按月领取基本养老金。' },
            { heading: '二、办理渠道', body: '参保人员可到政务服务中心人社窗口或通过“爱山东”App 申请。' },
          ],
          attachments: [],
        })
      ).id
      await updatePolicyState(tx, pensionDocId, { status: 'PUBLISHED', releasedAt: at(-195) })
      const pensionDoc = { id: pensionDocId, sections: await findPolicySections(tx, pensionDocId) }
      const interpretation = await insertInterpretation(tx, {
        documentId: techPolicyDoc.id,
        kind: 'QA',
        title: '一图读懂：科技型中小企业高质量发展若干政策',
        author: '经济发展局',
        body: [
          { type: 'heading', children: [{ text: '谁可以申请？' }] },
          { type: 'paragraph', children: [{ text: '在高新区注册、纳入科技型中小企业评价入库的企业。' }] },
          { type: 'list', ordered: true, items: [[{ text: '研发投入补助：最高 200 万元' }], [{ text: '博士租房补贴：每月 2,000 元，最长 3 年' }]] },
        ],
      })
      await updateInterpretation(tx, interpretation.id, { status: 'PUBLISHED', releasedAt: at(-19) })
      const clause = (doc: { sections: { id: number; position: number }[] }, position: number) => doc.sections.find((s) => s.position === position)?.id ?? null
      const publishedItem = { status: 'PUBLISHED' as const, publishedAt: at(-18), reviewedAt: at(-18), aliases: [], policyDocumentId: null, clauseId: null }
      await insertPlainQaItems(tx, [
        {
          ...publishedItem,
          question: '企业研发投入补助怎么申请？',
          aliases: ['研发费用有补贴吗', '搞研发政府给补助吗'],
          answer: '年度研发投入超过 500 万元的企业，可在每年 4 月通过本平台“政策兑现”栏目在线申报，按新增研发投入的 10% 给予补助，最高 200 万元。',
          topic: '创业',
          departmentId: dept['经济发展局'],
          policyDocumentId: techPolicyDoc.id,
          clauseId: clause(techPolicyDoc, 1),
        },
        {
          ...publishedItem,
          question: '引进的博士研究生可以享受哪些租房补贴？',
          answer: '科技型中小企业引进的博士研究生，可享受每月 2,000 元租房补贴，最长 3 年，由用人单位统一申报。',
          topic: '住房',
          departmentId: dept['经济发展局'],
          policyDocumentId: techPolicyDoc.id,
          clauseId: clause(techPolicyDoc, 2),
        },
        {
          ...publishedItem,
          question: '到了退休年龄，基本养老金怎么领取？',
          answer:
            '达到法定退休年龄且累计缴费满 15 年的参保人员，可携带身份证到政务服务中心人社窗口或通过“爱山东”App 申请领取基本养老金，审核通过后次月起按月发放。',
          topic: '养老',
          departmentId: dept['人力资源和社会保障局'],
          policyDocumentId: pensionDoc.id,
          clauseId: clause(pensionDoc, 1),
        },
        {
          ...publishedItem,
          question: '社会保障卡丢失了怎么补办？',
          answer: '请先拨打 12333 或在“电子社保卡”中办理挂失，再携带身份证到任一社保卡服务网点补办，即时制卡网点可当场领卡。',
          topic: '社保',
          departmentId: dept['人力资源和社会保障局'],
        },
        {
          ...publishedItem,
          question: '孩子上小学怎么确定在哪个学校入学？',
          answer: '义务教育阶段实行划片就近入学，以适龄儿童法定监护人的房产和户籍为依据，学区范围每年 5 月在教育和体育事业中心网站公布。',
          topic: '上学',
          departmentId: dept['教育和体育事业中心'],
        },
        {
          ...publishedItem,
          question: '失业后怎样申领失业保险金？',
          answer: '非因本人意愿中断就业、已办理失业登记并有求职要求、失业前缴费满 1 年的，可在线上或人社窗口申领失业保险金。',
          topic: '就业',
          departmentId: dept['人力资源和社会保障局'],
        },
        {
          ...publishedItem,
          question: '灵活就业人员可以参加职工医保吗？',
          answer: '可以。无雇工的个体工商户、未在用人单位参保的非全日制从业人员及其他灵活就业人员，可按规定以个人身份参加职工基本医疗保险。',
          topic: '医疗',
          departmentId: dept['卫生健康管理局'],
        },
      ])
      // The demo library (bff/src/seed/qaDemoLibrary.ts): every topic chip has items.
      await insertQaTopics(tx, [...DEMO_QA_TOPICS])
      await insertPlainQaItems(
        tx,
        DEMO_QA_LIBRARY.map(([topic, department, question, answer]) => {
          const departmentId = dept[department as DepartmentName]
          if (departmentId === undefined) throw new Error(`演示问答库的部门不存在：${department}`)
          return { ...publishedItem, question, answer, topic, departmentId }
        }),
      )
      await bumpQaLibraryVersion(tx)
    },
    { timeout: 30_000 },
  )
}
