import { cleanup } from '@testing-library/react'
import { resetTaroMock } from './taroMock'
import '../../miniapp/src/zod-setup'
import { reloadSessionFromStorage } from '../../miniapp/src/api/session'

afterEach(() => {
  cleanup()
  resetTaroMock()
  reloadSessionFromStorage() // storage is empty again: so is the session
})
