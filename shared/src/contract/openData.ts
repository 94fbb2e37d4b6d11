// The public open-data feed (JSON and CSV) of published consultations, opinions, groups, events and Q&A.
import { FileSchema, type Endpoint } from './endpoint'
import { OpenConsultationFeedSchema, OpenDataCatalogSchema, OpenDataCsvQuerySchema, OpenDataQuerySchema, OpenEventFeedSchema, OpenGroupFeedSchema, OpenOpinionFeedSchema, OpenQaFeedSchema } from '../schemas/openData'

export const openDataEndpoints = {
  getOpenDataCatalog: {
    method: 'GET', path: '/api/open-data', tag: 'open-data', access: 'public',
    summary: '开放数据目录：各数据集的说明、地址、条数与最近更新时间（可按 ETag 缓存）',
    response: OpenDataCatalogSchema,
  },
  listOpenConsultations: {
    method: 'GET', path: '/api/open-data/consultations', tag: 'open-data', access: 'public',
    summary: '开放数据：已发布的意见征集及公布后的采纳统计（按 id 升序分页，updatedSince 增量同步）',
    query: OpenDataQuerySchema, response: OpenConsultationFeedSchema,
  },
  listOpenOpinions: {
    method: 'GET', path: '/api/open-data/opinions', tag: 'open-data', access: 'public',
    summary: '开放数据：已公布采纳情况的意见（去标识化文本，不含署名与联系方式）及答复',
    query: OpenDataQuerySchema, response: OpenOpinionFeedSchema,
  },
  listOpenGroups: {
    method: 'GET', path: '/api/open-data/groups', tag: 'open-data', access: 'public',
    summary: '开放数据：已公布的集中意见及答复',
    query: OpenDataQuerySchema, response: OpenGroupFeedSchema,
  },
  listOpenEvents: {
    method: 'GET', path: '/api/open-data/events', tag: 'open-data', access: 'public',
    summary: '开放数据：已发布的活动及会议结果（参加人员意见去标识化）',
    query: OpenDataQuerySchema, response: OpenEventFeedSchema,
  },
  listOpenQaItems: {
    method: 'GET', path: '/api/open-data/qa', tag: 'open-data', access: 'public',
    summary: '开放数据：已发布的政策问答库（可供 12345 热线知识库同步）',
    query: OpenDataQuerySchema, response: OpenQaFeedSchema,
  },
  exportOpenConsultations: {
    method: 'GET', path: '/api/open-data/consultations.csv', tag: 'open-data', access: 'public',
    summary: '开放数据 CSV：意见征集',
    query: OpenDataCsvQuerySchema, response: FileSchema, download: true,
  },
  exportOpenOpinions: {
    method: 'GET', path: '/api/open-data/opinions.csv', tag: 'open-data', access: 'public',
    summary: '开放数据 CSV：意见及答复（去标识化）',
    query: OpenDataCsvQuerySchema, response: FileSchema, download: true,
  },
  exportOpenGroups: {
    method: 'GET', path: '/api/open-data/groups.csv', tag: 'open-data', access: 'public',
    summary: '开放数据 CSV：集中意见及答复',
    query: OpenDataCsvQuerySchema, response: FileSchema, download: true,
  },
  exportOpenEvents: {
    method: 'GET', path: '/api/open-data/events.csv', tag: 'open-data', access: 'public',
    summary: '开放数据 CSV：活动及会议结果',
    query: OpenDataCsvQuerySchema, response: FileSchema, download: true,
  },
  exportOpenQaItems: {
    method: 'GET', path: '/api/open-data/qa.csv', tag: 'open-data', access: 'public',
    summary: '开放数据 CSV：政策问答库',
    query: OpenDataCsvQuerySchema, response: FileSchema, download: true,
  },
} as const satisfies Record<string, Endpoint>
