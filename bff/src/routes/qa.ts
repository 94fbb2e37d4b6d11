// Routes of the policy Q&A library: search, reads, votes, staff editing, review, import and export.
import type { Deps } from '../deps'
import { getQaItem, listHotQa, listQaItems, listQaTopics, rateQaItem, searchQa } from '../services/qa'
import {
  answerQaUnanswered,
  confirmQaItem,
  createQaItem,
  createQaSynonym,
  createQaTopic,
  deleteQaSynonym,
  getStaffQaItem,
  listQaSynonyms,
  listQaUnanswered,
  listStaffQaItems,
  publishQaItem,
  updateQaItem,
  withdrawQaItem,
} from '../services/qaAdmin'
import { addQaImportPart, commitQaImport, createQaImport, exportQaItems } from '../services/qaImport'
import { voterKeyOf } from '../security/voter'
import type { Routes } from './route'

export const qaRoutes = (deps: Deps) =>
  ({
    // Views and search hits are counted per caller in routes/publicReads.ts (onServe), apart from the shared answer.
    listQaItems: ({ query }) => listQaItems(deps, query),
    searchQa: ({ query }) => searchQa(deps, query),
    listHotQa: ({ query }) => listHotQa(deps, query),
    listQaTopics: () => listQaTopics(deps),
    getQaItem: ({ params }) => getQaItem(deps, params.id),
    rateQaItem: ({ params, body }, context) => rateQaItem(deps, params.id, body.helpful, voterKeyOf(context)),
    listStaffQaItems: ({ query }) => listStaffQaItems(deps, query),
    getStaffQaItem: ({ params }) => getStaffQaItem(deps, params.id),
    createQaItem: ({ body }, context) => createQaItem(deps, context, body),
    updateQaItem: ({ params, body }, context) => updateQaItem(deps, context, params.id, body),
    publishQaItem: ({ params }, context) => publishQaItem(deps, context, params.id),
    confirmQaItem: ({ params, body }, context) => confirmQaItem(deps, context, params.id, body),
    withdrawQaItem: ({ params, body }, context) => withdrawQaItem(deps, context, params.id, body.reason),
    createQaTopic: ({ body }, context) => createQaTopic(deps, context, body),
    listQaUnanswered: () => listQaUnanswered(deps),
    answerQaUnanswered: ({ params, body }, context) => answerQaUnanswered(deps, context, params.id, body),
    listQaSynonyms: () => listQaSynonyms(deps),
    createQaSynonym: ({ body }, context) => createQaSynonym(deps, context, body),
    deleteQaSynonym: ({ params }, context) => deleteQaSynonym(deps, context, params.id),
    createQaImport: ({ body }, context) => createQaImport(deps, context, body),
    addQaImportPart: ({ params, body }, context) => addQaImportPart(deps, context, params.id, body),
    commitQaImport: ({ params, body }, context) => commitQaImport(deps, context, params.id, body),
    exportQaItems: ({ query }) => exportQaItems(deps, query),
  }) satisfies Routes
