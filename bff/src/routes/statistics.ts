// Routes of statistics and their export.
import type { Deps } from '../deps'
import { getConsultationStatistics, getPublicStatistics, getStaffStatistics } from '../services/statistics'
import { exportStatistics } from '../services/statisticsExport'
import type { Routes } from './route'

export const statisticsRoutes = (deps: Deps) =>
  ({
    getPublicStatistics: ({ query }) => getPublicStatistics(deps, query),
    getConsultationStatistics: ({ params }) => getConsultationStatistics(deps, params.id),
    getStaffStatistics: ({ query }, context) => getStaffStatistics(deps, context, query),
    exportStatistics: ({ query }, context) => exportStatistics(deps, context, query),
  }) satisfies Routes
