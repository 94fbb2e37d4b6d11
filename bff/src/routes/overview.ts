// Routes of the site-wide reads: overview, departments, the unified search.
import type { Deps } from '../deps'
import { getOverview, listDepartments } from '../services/overview'
import { searchAll } from '../services/search'
import type { Routes } from './route'

export const overviewRoutes = (deps: Deps) =>
  ({
    getOverview: () => getOverview(deps),
    listDepartments: () => listDepartments(deps),
    searchAll: ({ query }) => searchAll(deps, query),
  }) satisfies Routes
