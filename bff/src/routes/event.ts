// Routes of open days and meetings: public reads, staff management and editing, quotas, review, lottery, check-in, outcomes.
import type { Deps } from '../deps'
import { getEvent, listEvents } from '../services/event'
import {
  cancelEvent,
  createEvent,
  exportRegistrations,
  getStaffEvent,
  listStaffEvents,
  publishEvent,
  recordOutcome,
  releaseReservedSeats,
  updateEventDetails,
} from '../services/eventAdmin'
import { answerEventOpinion, deleteEventOpinion, listEventOpinions, recordEventOpinion, updateEventOpinion } from '../services/eventOpinion'
import { assignInvitee, listEventInvitees, removeInvitee } from '../services/invitee'
import { drawLottery, drawPreview, redrawLottery, setEventQuotas } from '../services/lottery'
import { checkIn, listRegistrations, reviewRegistration } from '../services/registration'
import type { Routes } from './route'

export const eventRoutes = (deps: Deps) =>
  ({
    listEvents: ({ query }) => listEvents(deps, query),
    getEvent: ({ params }) => getEvent(deps, params.id),
    listStaffEvents: (_, context) => listStaffEvents(deps, context),
    getStaffEvent: ({ params }, context) => getStaffEvent(deps, context, params.id),
    createEvent: ({ body }, context) => createEvent(deps, context, body),
    updateEvent: ({ params, body }, context) => updateEventDetails(deps, context, params.id, body),
    releaseReservedSeats: ({ params }, context) => releaseReservedSeats(deps, context, params.id),
    publishEvent: ({ params }, context) => publishEvent(deps, context, params.id),
    setEventQuotas: ({ params, body }, context) => setEventQuotas(deps, context, params.id, body),
    cancelEvent: ({ params, body }, context) => cancelEvent(deps, context, params.id, body.reason),
    listRegistrations: ({ params }, context) => listRegistrations(deps, context, params.id),
    reviewRegistration: ({ params, body }, context) => reviewRegistration(deps, context, params.id, body),
    drawLottery: ({ params, body }, context) => drawLottery(deps, context, params.id, body),
    drawPreview: ({ params }, context) => drawPreview(deps, context, params.id),
    redrawLottery: ({ params, body }, context) => redrawLottery(deps, context, params.id, body),
    checkIn: ({ params, body }, context) => checkIn(deps, context, params.id, body.code),
    recordOutcome: ({ params, body }, context) => recordOutcome(deps, context, params.id, body),
    listEventInvitees: ({ params }, context) => listEventInvitees(deps, context, params.id),
    assignInvitee: ({ params, body }, context) => assignInvitee(deps, context, params.id, body),
    removeInvitee: ({ params }, context) => removeInvitee(deps, context, params.id),
    exportRegistrations: ({ params, query }, context) => exportRegistrations(deps, context, params.id, query.format),
    recordEventOpinion: ({ params, body }, context) => recordEventOpinion(deps, context, params.id, body),
    listEventOpinions: ({ params }, context) => listEventOpinions(deps, context, params.id),
    updateEventOpinion: ({ params, body }, context) => updateEventOpinion(deps, context, params.id, body),
    deleteEventOpinion: ({ params }, context) => deleteEventOpinion(deps, context, params.id),
    answerEventOpinion: ({ params, body }, context) => answerEventOpinion(deps, context, params.id, body),
  }) satisfies Routes
