import type { Deps } from '../deps'
import { listAudit } from '../services/audit'
import { changePassword, loginDemo, loginStaff, loginStaffWithWechat, loginWithWechat, logout } from '../services/auth'
import { getConsultation, listConsultations } from '../services/consultation'
import { changeWindow, createConsultation, getStaffConsultation, listStaffConsultations, publishConsultation, reviseDraft, updateConsultation } from '../services/consultationAdmin'
import { exportOpinions } from '../services/export'
import { answerEventOpinion, listEventOpinions, recordEventOpinion } from '../services/eventOpinion'
import { cancelEvent, createEvent, exportRegistrations, getStaffEvent, listStaffEvents, publishEvent, recordOutcome } from '../services/eventAdmin'
import { cancelRegistration, checkIn, joinEvent, listMyRegistrations, listRegistrations, reviewRegistration } from '../services/registration'
import { drawLottery, drawPreview, getDraw, redrawLottery, setEventQuotas } from '../services/lottery'
import {
  answerGroup,
  answerOpinion,
  createGroup,
  listGroups,
  listOverdueOpinions,
  listStaffOpinions,
  moderateOpinion,
  publishFeedback,
  suggestGroups,
  updateGroup,
} from '../services/moderation'
import { getFeedback, listMyOpinions, submitOpinion } from '../services/opinion'
import { recordOfflineOpinion } from '../services/offlineOpinion'
import { createDecision, getDecision, listDecisions, updateDecision } from '../services/decision'
import { getEvent, listEvents } from '../services/event'
import { acceptPrivacy, bindPhone, deleteMyData, exportMyData, getMe, listMyNotifications, readNotification, recordSubscriptions } from '../services/me'
import { getOverview, listDepartments } from '../services/overview'
import { getQaItem, listHotQa, listQaItems, listQaTopics, rateQaItem, searchQa } from '../services/qa'
import { searchAll } from '../services/search'
import {
  confirmQaItem,
  createQaItem,
  createQaSynonym,
  createQaTopic,
  deleteQaSynonym,
  getStaffQaItem,
  listQaSynonyms,
  listStaffQaItems,
  publishQaItem,
  updateQaItem,
  withdrawQaItem,
} from '../services/qaAdmin'
import { addQaImportPart, commitQaImport, createQaImport, exportQaItems } from '../services/qaImport'
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
import { bindStaffWechat, createDepartment, createStaff, inviteStaff, listStaff, resetStaffPassword, updateStaff } from '../services/staffAdmin'
import { getHolidayCalendar, getHolidayYear, replaceHolidayYear } from '../services/holidayCalendar'
import { getConsultationStatistics, getPublicStatistics, getStaffStatistics } from '../services/statistics'
import { exportStatistics } from '../services/statisticsExport'
import { exportOpenData, getOpenDataCatalog, listOpenConsultations, listOpenEvents, listOpenGroups, listOpenOpinions, listOpenQaItems } from '../services/openData'
import { citizenOf, type Routes, staffOf, voterKeyOf } from './route'
import type { RequestContext, SignedInActor } from '../domain/actor'

const signedIn = (context: RequestContext) => context.actor as SignedInActor
const asStaff = (context: RequestContext) => ({ ...context, actor: staffOf(context) })

/** Every contract endpoint's handler: access and input checked by `mount` → one use case → respond. */
export function apiRoutes(deps: Deps): Routes {
  return {
    getOverview: () => getOverview(deps),
    listDepartments: () => listDepartments(deps),
    listDecisions: ({ query }) => listDecisions(deps, query),
    getDecision: ({ params }) => getDecision(deps, params.id),
    listConsultations: ({ query }) => listConsultations(deps, query),
    getConsultation: ({ params }) => getConsultation(deps, params.id),
    listEvents: ({ query }) => listEvents(deps, query),
    getEvent: ({ params }) => getEvent(deps, params.id),
    // Views and search hits are counted per caller in routes/publicReads.ts (onServe), apart from the shared answer.
    listQaItems: ({ query }) => listQaItems(deps, query),
    searchQa: ({ query }) => searchQa(deps, query),
    searchAll: ({ query }) => searchAll(deps, query),
    listHotQa: ({ query }) => listHotQa(deps, query),
    listQaTopics: () => listQaTopics(deps),
    getQaItem: ({ params }) => getQaItem(deps, params.id),
    rateQaItem: ({ params, body }, context) => rateQaItem(deps, params.id, body.helpful, voterKeyOf(context)),
    listPolicies: ({ query }) => listPolicies(deps, query),
    getPolicy: ({ params }) => getPolicy(deps, params.id),
    getInterpretation: ({ params }) => getInterpretation(deps, params.id),
    askPolicyQuestion: ({ body }, context) => askPolicyQuestion(deps, citizenOf(context), body),
    listMyPolicyQuestions: ({ query }, context) => listMyPolicyQuestions(deps, citizenOf(context), query),

    submitOpinion: ({ params, body }, context) => submitOpinion(deps, citizenOf(context), params.id, body),
    getFeedback: ({ params }) => getFeedback(deps, params.id),
    listMyOpinions: ({ query }, context) => listMyOpinions(deps, citizenOf(context), query),
    listStaffConsultations: (_, context) => listStaffConsultations(deps, asStaff(context)),
    getStaffConsultation: ({ params }, context) => getStaffConsultation(deps, asStaff(context), params.id),
    createDecision: ({ body }, context) => createDecision(deps, asStaff(context), body),
    updateDecision: ({ params, body }, context) => updateDecision(deps, asStaff(context), params.id, body),
    createConsultation: ({ body }, context) => createConsultation(deps, asStaff(context), body),
    updateConsultation: ({ params, body }, context) => updateConsultation(deps, asStaff(context), params.id, body),
    publishConsultation: ({ params }, context) => publishConsultation(deps, asStaff(context), params.id),
    reviseDraft: ({ params, body }, context) => reviseDraft(deps, asStaff(context), params.id, body),
    changeWindow: ({ params, body }, context) => changeWindow(deps, asStaff(context), params.id, body),
    listStaffOpinions: ({ params, query }, context) => listStaffOpinions(deps, asStaff(context), params.id, query),
    recordOfflineOpinion: ({ params, body }, context) => recordOfflineOpinion(deps, asStaff(context), params.id, body),
    moderateOpinion: ({ params, body }, context) => moderateOpinion(deps, asStaff(context), params.id, body),
    answerOpinion: ({ params, body }, context) => answerOpinion(deps, asStaff(context), params.id, body),
    listOverdueOpinions: (_, context) => listOverdueOpinions(deps, asStaff(context)),
    suggestGroups: ({ params }, context) => suggestGroups(deps, asStaff(context), params.id),
    listGroups: ({ params }, context) => listGroups(deps, asStaff(context), params.id),
    createGroup: ({ params, body }, context) => createGroup(deps, asStaff(context), params.id, body),
    updateGroup: ({ params, body }, context) => updateGroup(deps, asStaff(context), params.id, body),
    answerGroup: ({ params, body }, context) => answerGroup(deps, asStaff(context), params.id, body),
    publishFeedback: ({ params, body }, context) => publishFeedback(deps, asStaff(context), params.id, body),
    exportOpinions: ({ params, query }, context) => exportOpinions(deps, asStaff(context), params.id, query.format),

    joinEvent: ({ params, body }, context) => joinEvent(deps, citizenOf(context), params.id, body, context.idempotencyKey),
    listMyRegistrations: (_, context) => listMyRegistrations(deps, citizenOf(context)),
    cancelRegistration: ({ params }, context) => cancelRegistration(deps, citizenOf(context), params.id, context.idempotencyKey),
    getDraw: ({ params }) => getDraw(deps, params.id),
    listStaffEvents: (_, context) => listStaffEvents(deps, asStaff(context)),
    getStaffEvent: ({ params }, context) => getStaffEvent(deps, asStaff(context), params.id),
    createEvent: ({ body }, context) => createEvent(deps, asStaff(context), body),
    publishEvent: ({ params }, context) => publishEvent(deps, asStaff(context), params.id),
    setEventQuotas: ({ params, body }, context) => setEventQuotas(deps, asStaff(context), params.id, body),
    cancelEvent: ({ params, body }, context) => cancelEvent(deps, asStaff(context), params.id, body.reason),
    listRegistrations: ({ params }, context) => listRegistrations(deps, asStaff(context), params.id),
    reviewRegistration: ({ params, body }, context) => reviewRegistration(deps, asStaff(context), params.id, body),
    drawLottery: ({ params, body }, context) => drawLottery(deps, asStaff(context), params.id, body),
    drawPreview: ({ params }, context) => drawPreview(deps, asStaff(context), params.id),
    redrawLottery: ({ params, body }, context) => redrawLottery(deps, asStaff(context), params.id, body),
    checkIn: ({ params, body }, context) => checkIn(deps, asStaff(context), params.id, body.code),
    recordOutcome: ({ params, body }, context) => recordOutcome(deps, asStaff(context), params.id, body),
    exportRegistrations: ({ params, query }, context) => exportRegistrations(deps, asStaff(context), params.id, query.format),
    recordEventOpinion: ({ params, body }, context) => recordEventOpinion(deps, asStaff(context), params.id, body),
    listEventOpinions: ({ params }, context) => listEventOpinions(deps, asStaff(context), params.id),
    answerEventOpinion: ({ params, body }, context) => answerEventOpinion(deps, asStaff(context), params.id, body),

    listStaffQaItems: ({ query }) => listStaffQaItems(deps, query),
    getStaffQaItem: ({ params }) => getStaffQaItem(deps, params.id),
    createQaItem: ({ body }, context) => createQaItem(deps, asStaff(context), body),
    updateQaItem: ({ params, body }, context) => updateQaItem(deps, asStaff(context), params.id, body),
    publishQaItem: ({ params }, context) => publishQaItem(deps, asStaff(context), params.id),
    confirmQaItem: ({ params, body }, context) => confirmQaItem(deps, asStaff(context), params.id, body),
    withdrawQaItem: ({ params, body }, context) => withdrawQaItem(deps, asStaff(context), params.id, body.reason),
    createQaTopic: ({ body }, context) => createQaTopic(deps, asStaff(context), body),
    listQaSynonyms: () => listQaSynonyms(deps),
    createQaSynonym: ({ body }, context) => createQaSynonym(deps, asStaff(context), body),
    deleteQaSynonym: ({ params }, context) => deleteQaSynonym(deps, asStaff(context), params.id),
    createQaImport: ({ body }, context) => createQaImport(deps, asStaff(context), body),
    addQaImportPart: ({ params, body }, context) => addQaImportPart(deps, asStaff(context), params.id, body),
    commitQaImport: ({ params, body }, context) => commitQaImport(deps, asStaff(context), params.id, body),
    exportQaItems: ({ query }) => exportQaItems(deps, query),
    listStaffPolicies: ({ query }) => listStaffPolicies(deps, query),
    getStaffPolicy: ({ params }) => getStaffPolicy(deps, params.id),
    createPolicy: ({ body }, context) => createPolicy(deps, asStaff(context), body),
    updatePolicy: ({ params, body }, context) => updatePolicy(deps, asStaff(context), params.id, body),
    publishPolicy: ({ params }, context) => publishPolicy(deps, asStaff(context), params.id),
    changePolicyValidity: ({ params, body }, context) => changePolicyValidity(deps, asStaff(context), params.id, body),
    createInterpretation: ({ params, body }, context) => createInterpretation(deps, asStaff(context), params.id, body),
    updateInterpretation: ({ params, body }, context) => updateInterpretation(deps, asStaff(context), params.id, body),
    publishInterpretation: ({ params }, context) => publishInterpretation(deps, asStaff(context), params.id),
    listStaffPolicyQuestions: ({ query }, context) => listStaffPolicyQuestions(deps, asStaff(context), query),
    answerPolicyQuestion: ({ params, body }, context) => answerPolicyQuestion(deps, asStaff(context), params.id, body),
    promotePolicyQuestion: ({ params, body }, context) => promotePolicyQuestion(deps, asStaff(context), params.id, body),

    getPublicStatistics: ({ query }) => getPublicStatistics(deps, query),
    getConsultationStatistics: ({ params }) => getConsultationStatistics(deps, params.id),
    getStaffStatistics: ({ query }, context) => getStaffStatistics(deps, asStaff(context), query),
    exportStatistics: ({ query }, context) => exportStatistics(deps, asStaff(context), query),
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

    loginWithWechat: ({ body }) => loginWithWechat(deps, body.code),
    loginDemo: ({ body }) => loginDemo(deps, body.name),
    loginStaff: ({ body }, context) => loginStaff(deps, body.username, body.password, context.clientIp),
    loginStaffWithWechat: ({ body }) => loginStaffWithWechat(deps, body.code),
    logout: (_, context) => logout(deps, signedIn(context)),
    changePassword: ({ body }, context) => changePassword(deps, asStaff(context), body.currentPassword, body.newPassword),
    getMe: (_, context) => getMe(deps, signedIn(context)),
    acceptPrivacy: (_, context) => acceptPrivacy(deps, citizenOf(context)),
    bindPhone: ({ body }, context) => bindPhone(deps, citizenOf(context), body.code),
    listMyNotifications: ({ query }, context) => listMyNotifications(deps, citizenOf(context), query),
    readNotification: ({ params }, context) => readNotification(deps, citizenOf(context), params.id),
    recordSubscriptions: ({ body }, context) => recordSubscriptions(deps, citizenOf(context), body.accepted, context.idempotencyKey),
    exportMyData: (_, context) => exportMyData(deps, citizenOf(context)),
    deleteMyData: (_, context) => deleteMyData(deps, citizenOf(context)),
    bindStaffWechat: ({ body }) => bindStaffWechat(deps, body),
    listStaff: () => listStaff(deps),
    createStaff: ({ body }, context) => createStaff(deps, asStaff(context), body),
    updateStaff: ({ params, body }, context) => updateStaff(deps, asStaff(context), params.id, body),
    inviteStaff: ({ params }, context) => inviteStaff(deps, asStaff(context), params.id),
    resetStaffPassword: ({ params }, context) => resetStaffPassword(deps, asStaff(context), params.id),
    createDepartment: ({ body }, context) => createDepartment(deps, asStaff(context), body.name),
    listAudit: ({ query }) => listAudit(deps, query),
    getHolidayCalendar: () => getHolidayCalendar(deps),
    getHolidayYear: ({ params }) => getHolidayYear(deps, params.year),
    replaceHolidayYear: ({ params, body }, context) => replaceHolidayYear(deps, asStaff(context), params.year, body),
  }
}
