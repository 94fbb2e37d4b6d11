// Routes of policy documents, interpretations and policy questions.
import type { Deps } from '../deps'
import {
  changePolicyValidity,
  createInterpretation,
  createPolicy,
  getInterpretation,
  getPolicy,
  getStaffPolicy,
  listPolicies,
  listStaffPolicies,
  publishInterpretation,
  publishPolicy,
  updateInterpretation,
  updatePolicy,
} from '../services/policy'
import { answerPolicyQuestion, askPolicyQuestion, listMyPolicyQuestions, listStaffPolicyQuestions, promotePolicyQuestion } from '../services/policyQuestion'
import type { Routes } from './route'

export const policyRoutes = (deps: Deps) =>
  ({
    listPolicies: ({ query }) => listPolicies(deps, query),
    getPolicy: ({ params }) => getPolicy(deps, params.id),
    getInterpretation: ({ params }) => getInterpretation(deps, params.id),
    askPolicyQuestion: ({ body }, context) => askPolicyQuestion(deps, context.actor, body),
    listMyPolicyQuestions: ({ query }, context) => listMyPolicyQuestions(deps, context.actor, query),
    listStaffPolicies: ({ query }) => listStaffPolicies(deps, query),
    getStaffPolicy: ({ params }) => getStaffPolicy(deps, params.id),
    createPolicy: ({ body }, context) => createPolicy(deps, context, body),
    updatePolicy: ({ params, body }, context) => updatePolicy(deps, context, params.id, body),
    publishPolicy: ({ params }, context) => publishPolicy(deps, context, params.id),
    changePolicyValidity: ({ params, body }, context) => changePolicyValidity(deps, context, params.id, body),
    createInterpretation: ({ params, body }, context) => createInterpretation(deps, context, params.id, body),
    updateInterpretation: ({ params, body }, context) => updateInterpretation(deps, context, params.id, body),
    publishInterpretation: ({ params }, context) => publishInterpretation(deps, context, params.id),
    listStaffPolicyQuestions: ({ query }, context) => listStaffPolicyQuestions(deps, context, query),
    answerPolicyQuestion: ({ params, body }, context) => answerPolicyQuestion(deps, context, params.id, body),
    promotePolicyQuestion: ({ params, body }, context) => promotePolicyQuestion(deps, context, params.id, body),
  }) satisfies Routes
