// Routes of the public open-data feed.
import type { Deps } from '../deps'
import {
  exportOpenData,
  getOpenDataCatalog,
  listOpenConsultations,
  listOpenEvents,
  listOpenGroups,
  listOpenOpinions,
  listOpenQaItems,
} from '../services/openData'
import type { Routes } from './route'

export const openDataRoutes = (deps: Deps) =>
  ({
    getOpenDataCatalog: () => getOpenDataCatalog(deps),
    listOpenConsultations: ({ query }) => listOpenConsultations(deps, query),
    listOpenOpinions: ({ query }) => listOpenOpinions(deps, query),
    listOpenGroups: ({ query }) => listOpenGroups(deps, query),
    listOpenEvents: ({ query }) => listOpenEvents(deps, query),
    listOpenQaItems: ({ query }) => listOpenQaItems(deps, query),
    exportOpenConsultations: ({ query }) => exportOpenData(deps, 'consultations', query),
    exportOpenOpinions: ({ query }) => exportOpenData(deps, 'opinions', query),
    exportOpenGroups: ({ query }) => exportOpenData(deps, 'groups', query),
    exportOpenEvents: ({ query }) => exportOpenData(deps, 'events', query),
    exportOpenQaItems: ({ query }) => exportOpenData(deps, 'qa', query),
  }) satisfies Routes
