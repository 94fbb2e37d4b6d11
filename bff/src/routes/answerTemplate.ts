// Routes of answer templates (答复模板).
import type { Deps } from '../deps'
import { createAnswerTemplate, deleteAnswerTemplate, listAnswerTemplates, updateAnswerTemplate } from '../services/answerTemplate'
import type { Routes } from './route'

export const answerTemplateRoutes = (deps: Deps) =>
  ({
    listAnswerTemplates: ({ query }, context) => listAnswerTemplates(deps, context, query),
    createAnswerTemplate: ({ body }, context) => createAnswerTemplate(deps, context, body),
    updateAnswerTemplate: ({ params, body }, context) => updateAnswerTemplate(deps, context, params.id, body),
    deleteAnswerTemplate: ({ params }, context) => deleteAnswerTemplate(deps, context, params.id),
  }) satisfies Routes
