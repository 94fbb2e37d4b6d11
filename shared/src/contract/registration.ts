// Citizens signing up for events, cancelling, and their registrations.
import { z } from 'zod'
import { type Endpoint } from './endpoint'
import { IdParamsSchema } from '../schemas/common'
import { DrawRecordSchema, JoinEventBodySchema, MyRegistrationSchema, SignupDefaultsSchema } from '../schemas/registration'

export const registrationEndpoints = {
  // —— open days and meeting attendance ——
  joinEvent: {
    method: 'POST',
    path: '/api/events/:id/registrations',
    tag: 'registration',
    access: 'citizen',
    consent: true,
    summary: '报名活动（先报先得即时确认；审核、抽签活动待遴选）',
    params: IdParamsSchema,
    body: JoinEventBodySchema,
    response: MyRegistrationSchema,
    status: 201,
  },
  listMyRegistrations: {
    method: 'GET',
    path: '/api/me/registrations',
    tag: 'registration',
    access: 'citizen',
    summary: '我的报名：状态与签到码',
    response: z.array(MyRegistrationSchema),
  },
  getSignupDefaults: {
    method: 'GET',
    path: '/api/me/signup-defaults',
    tag: 'registration',
    access: 'citizen',
    summary: '报名表的预填内容：上次报名填写的姓名、手机号码等，没有时用绑定的手机号码',
    response: SignupDefaultsSchema,
  },
  cancelRegistration: {
    method: 'POST',
    path: '/api/me/registrations/:id/cancel',
    tag: 'registration',
    access: 'citizen',
    summary: '取消报名（空出的名额依次递补候补）',
    params: IdParamsSchema,
    response: MyRegistrationSchema,
  },
  getDraw: {
    method: 'GET',
    path: '/api/events/:id/draw',
    tag: 'registration',
    access: 'public',
    summary: '抽签公示：承诺值与揭晓的密钥、候选名单（候选编号）及其散列、配额、结果和历次重抽理由，可自行复核',
    params: IdParamsSchema,
    response: DrawRecordSchema,
  },
} as const satisfies Record<string, Endpoint>
