// The miniapp's hooks, one import for pages: data, actions and forms per domain.
export { useRequest, type RequestState } from './useRequest'
export { usePagedList, listStatus, PAGE_SIZE, type ListStatus, type Page, type PagedListState } from './usePagedList'
export { useConsultation, useConsultationList, useDepartments, useDraftVersions, type ConsultationFilter, type DraftVersionsState } from './useConsultations'
export { useMyDepartments } from './useMyDepartments'
export { useEvent, useEventList } from './useEvents'
export { useQaItem, useQaSearch, type QaItemState, type QaSearch, type RatingState } from './useQa'
export {
  policyQuestionBody,
  useMyPolicyQuestions,
  usePolicy,
  usePolicyInterpretation,
  usePolicyQuestionForm,
  useStaffPolicyQuestions,
  validatePolicyQuestion,
  type PolicyQuestionForm,
  type PolicyQuestionValues,
  type StaffPolicyQuestions,
} from './usePolicy'
export { useOverview } from './useOverview'
export { useDecision, useDecisionList } from './useDecisions'
export { useLargeFont, readLargeFont, LARGE_FONT_STORAGE_KEY, type LargeFont } from './useLargeFont'
export { useRouteId } from './useRouteId'
export { useSession, type SessionApi } from './useSession'
export { usePrivacyConsent, type PrivacyConsent } from './usePrivacyConsent'
export { useForm, type FormOptions, type FormState } from './useForm'
export { useMyNotifications, useSubscriptions, notificationKindLabels, type MyNotifications, type SubscribeState, type Subscriptions } from './useNotifications'
export { useMyData, useBindPhone, type ActionState, type BindPhone, type MyDataState } from './useMyData'
export {
  useStaffAdmin,
  useAuditLog,
  type AuditEntry,
  type CreatedStaff,
  type NewStaff,
  type StaffAdmin,
  type StaffInvite,
  type StaffPatch,
} from './useStaffAdmin'
export { useAction, type Action } from './useAction'
export { useFeedback, useMyOpinions, useOpinionForm, opinionBody, validateOpinion, type OpinionForm, type OpinionValues } from './useOpinions'
export { useLotteryDesk, type DrawInput, type LotteryDesk } from './useLottery'
export {
  useDraw,
  useMyRegistrations,
  useSignupForm,
  signupBody,
  validateSignup,
  type MyRegistrations,
  type SignupForm,
  type SignupValues,
} from './useRegistrations'
export {
  useConsultationDesk,
  useCreateGroup,
  useGroupAnswer,
  useGroupWork,
  useModeration,
  useOfflineOpinionForm,
  useOpinionAnswer,
  useOverdueOpinions,
  useStaffConsultation,
  useStaffConsultationList,
  useStaffOpinions,
  validateOfflineOpinion,
  validateWindow,
  type ConsultationDesk,
  type ModerationInput,
  type OfflineOpinionEntry,
  type WindowValues,
  type GroupSuggestion,
  type GroupWork,
  type OpinionGroup,
  type OpinionQueue,
  type OverdueOpinion,
  type StaffConsultation,
  type StaffConsultationView,
  type StaffOpinions,
} from './useStaffConsultations'
export { answerValues, useAnswerForm, validateAnswer } from './useAnswerForm'
export { usePersonalInfoOverride, usePublishingForm, type PersonalInfoOverrideState, type PublishingForm } from './usePersonalInfoOverride'
export {
  useCheckIn,
  useEventOpinionAnswer,
  useEventQuotas,
  useEventRegistrations,
  useEventEditor,
  useRegistrationReview,
  useStaffEvent,
  useStaffEventDesk,
  useStaffEventList,
  type StaffEventDesk,
  type CheckInDesk,
  type CheckInResult,
  type EventRegistrations,
  type StaffEventList,
  type StaffEventView,
  type StaffRegistration,
} from './useStaffEvents'
export {
  staffGateOf,
  usePasswordChange,
  useStaffGate,
  useStaffMe,
  useStaffWechatBinding,
  validatePasswordChange,
  type PasswordValues,
  type StaffGate,
  type StaffMe,
} from './useStaffMe'
export { useDownload, type Download } from './useDownload'
export { useHolidayCalendar, validateArrangement, type ArrangementValues, type HolidayCalendarState } from './useHolidayCalendar'
export {
  useConsultationDraft,
  useConsultationEditor,
  useDraftRevision,
  validateDraft,
  draftValuesOf,
  emptyDraft,
  type ConsultationDraftForm,
  type ConsultationEditor,
  type DraftErrors,
  type DraftRevisionForm,
  type DraftValues,
} from './useConsultationDraft'
export {
  useEventOpinionDesk,
  useEventOpinionForm,
  useEventOpinionRemoval,
  useEventOpinions,
  validateEventOpinion,
  type EventOpinionDesk,
  type EventOpinionForm,
  type EventOpinions,
} from './useEventOpinions'
export { useQaExport, useStaffQaList, type QaFilter, type StaffQaList } from './useStaffQaList'
export { emptyQaItem, useQaItemEditor, validateQaItem, type PolicyChoice, type QaItemEditor, type QaItemValues } from './useQaItemEditor'
export { splitTerms, useQaSynonyms, validateSynonym, type QaSynonym, type QaSynonyms, type SynonymValues } from './useQaSynonyms'
export { importFormatOf, useQaImport, type ImportFile, type ImportOptions, type QaImport, type RowErrors } from './useQaImport'
export {
  decisionsByYear,
  decisionValuesOf,
  emptyDecision,
  emptyStages,
  errorKeyOf,
  stageErrorKey,
  useDecisionEditor,
  useStaffDecisionList,
  validateDecision,
  type DecisionEditor,
  type DecisionErrors,
  type DecisionValues,
  type DecisionYear,
  type StageDraft,
  type StageField,
  type StaffDecisionList,
} from './useStaffDecisions'
export { useSiteSearch } from './useSiteSearch'
// useStatistics is imported by the statistics sub-package directly, so it stays out of the main package's common.js.
