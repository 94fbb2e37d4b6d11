// Every contract endpoint's handler, one file per domain: access and input checked by `mount` → one use case → respond.
import type { Deps } from '../deps'
import { overviewRoutes } from './overview'
import { consultationRoutes } from './consultation'
import { opinionRoutes } from './opinion'
import { decisionRoutes } from './decision'
import { eventRoutes } from './event'
import { registrationRoutes } from './registration'
import { policyRoutes } from './policy'
import { qaRoutes } from './qa'
import { identityRoutes } from './identity'
import { staffRoutes } from './staff'
import { statisticsRoutes } from './statistics'
import { openDataRoutes } from './openData'
import { followRoutes } from './follow'
import { answerTemplateRoutes } from './answerTemplate'
import { attachmentRoutes } from './attachment'
import type { AllRoutes } from './route'

export function apiRoutes(deps: Deps): AllRoutes {
  return {
    ...overviewRoutes(deps),
    ...consultationRoutes(deps),
    ...opinionRoutes(deps),
    ...decisionRoutes(deps),
    ...eventRoutes(deps),
    ...registrationRoutes(deps),
    ...policyRoutes(deps),
    ...qaRoutes(deps),
    ...identityRoutes(deps),
    ...staffRoutes(deps),
    ...statisticsRoutes(deps),
    ...openDataRoutes(deps),
    ...followRoutes(deps),
    ...answerTemplateRoutes(deps),
    ...attachmentRoutes(deps),
  }
}
