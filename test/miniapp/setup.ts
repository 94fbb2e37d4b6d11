import { cleanup, configure } from '@testing-library/react'
import { resetTaroMock } from './taroMock'
import '../../miniapp/src/zod-setup'
import { reloadSessionFromStorage } from '../../miniapp/src/api/session'

// findBy/waitFor give up after 4 s, not Testing Library's 1 s: with two jest workers beside Chromium and two BFFs in CI,
// one render of the 报名成功 page (its check-in QR code is drawn as hundreds of views) once took longer than 1 s. A passing wait returns
// as soon as its condition holds, so this costs nothing when the machine is quiet.
configure({ asyncUtilTimeout: 4000 })

afterEach(() => {
  cleanup()
  resetTaroMock()
  reloadSessionFromStorage() // storage is empty again: so is the session
})
