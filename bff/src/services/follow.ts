// 关注: citizens follow a decision, a department or a policy topic; the background round tells them when it moves.
import { bookTitle, type Follow, type FollowState, type FollowTarget } from '@gm/shared'
import type { Deps } from '../deps'
import type { CitizenActor } from '../domain/actor'
import { notFound } from '../domain/errors'
import { buildTemplateData } from '../integrations/wechat/templateData'
import {
  deleteFollow,
  findDueFollowAlerts,
  findFollow,
  findFollows,
  findFollowTargetNames,
  followTargetExists,
  insertFollow,
  type FollowAlert,
} from '../repositories/follow'
import { notify } from './notification'

const linkOf = (targetType: FollowTarget, targetKey: string) =>
  targetType === 'DECISION'
    ? `/packages/decision/pages/detail/index?id=${targetKey}`
    : targetType === 'DEPARTMENT'
      ? `/packages/decision/pages/list/index?departmentId=${targetKey}`
      : `/pages/qa/index?topic=${encodeURIComponent(targetKey)}`

export async function listMyFollows(deps: Deps, actor: CitizenActor): Promise<{ items: Follow[] }> {
  const rows = await findFollows(deps.db, actor.citizenId)
  const ids = (type: FollowTarget) => rows.filter((r) => r.targetType === type).map((r) => Number(r.targetKey))
  const names = await findFollowTargetNames(deps.db, ids('DECISION'), ids('DEPARTMENT'))
  return {
    items: rows.map((row) => ({
      targetType: row.targetType,
      targetKey: row.targetKey,
      name:
        row.targetType === 'DECISION'
          ? (names.decisions.get(Number(row.targetKey)) ?? '（已删除的决策事项）')
          : row.targetType === 'DEPARTMENT'
            ? (names.departments.get(Number(row.targetKey)) ?? '（已撤销的部门）')
            : row.targetKey,
      link: linkOf(row.targetType, row.targetKey),
      createdAt: row.createdAt.toISOString(),
    })),
  }
}

export async function getFollow(deps: Deps, actor: CitizenActor, targetType: FollowTarget, targetKey: string): Promise<FollowState> {
  return { following: (await findFollow(deps.db, actor.citizenId, targetType, targetKey)) !== null }
}

/** Follow (again: unchanged). An unknown decision, department or topic is 404. */
export async function follow(deps: Deps, actor: CitizenActor, targetType: FollowTarget, targetKey: string): Promise<Follow> {
  if (!(await followTargetExists(deps.db, targetType, targetKey)))
    throw notFound(targetType === 'DECISION' ? '决策事项' : targetType === 'DEPARTMENT' ? '部门' : '政策主题')
  await insertFollow(deps.db, actor.citizenId, targetType, targetKey)
  const mine = await listMyFollows(deps, actor)
  return mine.items.find((f) => f.targetType === targetType && f.targetKey === targetKey)!
}

export async function unfollow(deps: Deps, actor: CitizenActor, targetType: FollowTarget, targetKey: string): Promise<null> {
  await deleteFollow(deps.db, actor.citizenId, targetType, targetKey)
  return null
}

const alertText: Record<FollowAlert['kind'], { title: string; phrase: string; body: (a: FollowAlert) => string; link: (a: FollowAlert) => string }> = {
  opened: {
    title: '关注的意见征集已开始',
    phrase: '征集已开始',
    body: (a) => `您关注的事项有新的意见征集：${bookTitle(a.title)}，欢迎提出意见。`,
    link: (a) => `/packages/consultation/pages/detail/index?id=${a.targetId}`,
  },
  closing: {
    title: '关注的意见征集即将截止',
    phrase: '3天内截止',
    body: (a) => `${bookTitle(a.title)}的意见征集将于 3 天内截止，尚未提出意见的请抓紧。`,
    link: (a) => `/packages/consultation/pages/detail/index?id=${a.targetId}`,
  },
  policy: {
    title: '关注的主题有新政策',
    phrase: '新政策发布',
    body: (a) => `您关注的主题发布了新政策：${bookTitle(a.title)}。`,
    link: (a) => `/packages/qa/pages/policy/index?id=${a.targetId}`,
  },
  qa: {
    title: '关注的主题有新问答',
    phrase: '新增问答',
    body: (a) => `您关注的主题「${a.title}」新增 ${a.count} 条政策问答。`,
    link: (a) => `/pages/qa/index?topic=${encodeURIComponent(a.title)}`,
  },
}

/**
 * One background round: tell followers what moved (a consultation opened or closing within 3 days,
 * a new policy or Q&A in a topic). Each moment is told once per citizen (its dedupe key), whichever
 * instance's round finds it first; a round that finds it again writes nothing. Returns how many were told.
 */
export async function sendFollowAlerts(deps: Deps): Promise<number> {
  let told = 0
  for (const alert of await findDueFollowAlerts(deps.db, deps.clock())) {
    const text = alertText[alert.kind]
    const created = await deps.db.$transaction((tx) =>
      notify(deps, tx, {
        citizenId: alert.citizenId,
        kind: 'FOLLOW_UPDATE',
        title: text.title,
        body: text.body(alert),
        link: text.link(alert),
        templateData: buildTemplateData({ thing1: alert.title, thing2: text.phrase, time3: alert.at }),
        dedupeKey: alert.dedupeKey,
      }),
    )
    if (created.created) told++
  }
  return told
}
