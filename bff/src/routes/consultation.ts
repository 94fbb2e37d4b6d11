// Routes of 意见征集 drafts: public reads, staff drafting, publishing, revisions and windows.
import type { Deps } from '../deps'
import { compareDraftVersions, getConsultation, listConsultations, listDraftVersions } from '../services/consultation'
import {
  changeWindow,
  createConsultation,
  getStaffConsultation,
  listStaffConsultations,
  publishConsultation,
  reviseDraft,
  updateConsultation,
} from '../services/consultationAdmin'
import type { Routes } from './route'

export const consultationRoutes = (deps: Deps) =>
  ({
    listConsultations: ({ query }) => listConsultations(deps, query),
    getConsultation: ({ params }) => getConsultation(deps, params.id),
    listDraftVersions: ({ params }) => listDraftVersions(deps, params.id),
    compareDraftVersions: ({ params, query }) => compareDraftVersions(deps, params.id, query),
    listStaffConsultations: (_, context) => listStaffConsultations(deps, context),
    getStaffConsultation: ({ params }, context) => getStaffConsultation(deps, context, params.id),
    createConsultation: ({ body }, context) => createConsultation(deps, context, body),
    updateConsultation: ({ params, body }, context) => updateConsultation(deps, context, params.id, body),
    publishConsultation: ({ params }, context) => publishConsultation(deps, context, params.id),
    reviseDraft: ({ params, body }, context) => reviseDraft(deps, context, params.id, body),
    changeWindow: ({ params, body }, context) => changeWindow(deps, context, params.id, body),
  }) satisfies Routes
