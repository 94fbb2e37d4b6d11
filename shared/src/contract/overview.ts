// Site-wide reads: the home overview, departments and the one search across everything published.
import { z } from 'zod'
import { type Endpoint } from './endpoint'
import { DepartmentSchema } from '../schemas/common'
import { OverviewSchema } from '../schemas/overview'
import { SearchQuerySchema, SearchResultSchema } from '../schemas/search'

export const overviewEndpoints = {
  getOverview: {
    method: 'GET',
    path: '/api/overview',
    tag: 'overview',
    access: 'public',
    summary: '服务概况：征集中的草案、近期活动、问答条目数量',
    response: OverviewSchema,
  },
  listDepartments: {
    method: 'GET',
    path: '/api/departments',
    tag: 'department',
    access: 'public',
    summary: '承办单位 / 答复部门列表',
    response: z.array(DepartmentSchema),
  },
  searchAll: {
    method: 'GET',
    path: '/api/search',
    tag: 'search',
    access: 'public',
    summary: '首页一个搜索框：同时检索意见征集（含草案条款）、政策文件、政策解读、活动与政策问答，按类分组返回，命中处高亮',
    query: SearchQuerySchema,
    response: SearchResultSchema,
  },
} as const satisfies Record<string, Endpoint>
