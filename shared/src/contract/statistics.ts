// Statistics with written definitions, public and per department, and their Excel/CSV export.
import { ALL_STAFF, FileSchema, type Endpoint } from './endpoint'
import { IdParamsSchema } from '../schemas/common'
import {
  ConsultationStatisticsSchema,
  PublicStatisticsQuerySchema,
  StaffStatisticsQuerySchema,
  StaffStatisticsSchema,
  StatisticsExportQuerySchema,
  StatisticsSchema,
} from '../schemas/statistics'

export const statisticsEndpoints = {
  // —— statistics and open data ——
  getPublicStatistics: {
    method: 'GET',
    path: '/api/statistics',
    tag: 'statistics',
    access: 'public',
    summary: '公开统计（按年度）：已公布采纳情况的征集的收到、有效、采纳等数字及口径说明，各部门活动与列席次数，问答有帮助率',
    query: PublicStatisticsQuerySchema,
    response: StatisticsSchema,
  },
  getConsultationStatistics: {
    method: 'GET',
    path: '/api/statistics/consultations/:id',
    tag: 'statistics',
    access: 'public',
    summary: '某一征集的公开统计（采纳情况公布后）：各项数字、渠道分布、答复用时分布及口径说明',
    params: IdParamsSchema,
    response: ConsultationStatisticsSchema,
  },
  getStaffStatistics: {
    method: 'GET',
    path: '/api/staff/statistics',
    tag: 'staff-statistics',
    access: ALL_STAFF,
    summary: '统计（按年度，本人所属部门；管理员全部）：按征集、部门、月份、渠道，答复用时，超期，活动与列席，问答',
    query: StaffStatisticsQuerySchema,
    response: StaffStatisticsSchema,
  },
  exportStatistics: {
    method: 'GET',
    path: '/api/staff/statistics/export',
    tag: 'staff-statistics',
    access: ALL_STAFF,
    summary: '导出统计：Excel 一个工作簿（年度报告、部门统计、征集统计、活动与列席、政策问答、口径说明），或其中一张表的 CSV',
    query: StatisticsExportQuerySchema,
    response: FileSchema,
    download: true,
  },
} as const satisfies Record<string, Endpoint>
