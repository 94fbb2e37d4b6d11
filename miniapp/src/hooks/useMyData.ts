// Gives 我的个人信息 what the BFF holds about the signed-in citizen, deleting it, and binding a phone through WeChat's button.
import type { MyData } from '@gm/shared'
import { useCallback, useState } from 'react'
import { ApiError, api, clearSession, toApiError } from '../api'
import { type PhoneNumberEventDetail, platform } from '../platform'
import { type RequestState, useRequest } from './useRequest'
import { useSession } from './useSession'

function signInFirst(): ApiError {
  return new ApiError({ status: 401, code: 'UNAUTHORIZED', message: '请先登录后查看您的个人信息' })
}

export type ActionState = { status: 'idle' | 'running' | 'done' } | { status: 'error'; error: ApiError }

export interface MyDataState extends RequestState<MyData> {
  deletion: ActionState
  /** Delete the citizen's personal data, then sign out. Only after the user confirmed. */
  deleteAll: () => Promise<boolean>
}

/** 我的个人信息: what the BFF holds about the signed-in citizen, and deleting it. */
export function useMyData(): MyDataState {
  const { me } = useSession()
  const citizenId = me?.kind === 'citizen' ? me.id : null
  // Signed out (or just deleted): no request, which would sign a citizen in again on WeChat.
  const data = useRequest(() => (citizenId === null ? Promise.reject(signInFirst()) : api.exportMyData()), [citizenId])
  const [deletion, setDeletion] = useState<ActionState>({ status: 'idle' })

  const deleteAll = useCallback(async () => {
    setDeletion({ status: 'running' })
    try {
      await api.deleteMyData()
      clearSession() // the account is gone: nothing to log out of
      setDeletion({ status: 'done' })
      return true
    } catch (e) {
      setDeletion({ status: 'error', error: toApiError(e) })
      return false
    }
  }, [])

  return { ...data, deletion, deleteAll }
}

export interface BindPhone {
  available: boolean
  state: ActionState | { status: 'refused' }
  /** Handle the getPhoneNumber button event: exchange its code with bindPhone. */
  bind: (detail: PhoneNumberEventDetail | undefined) => Promise<void>
}

/** 绑定联系电话 through WeChat's phone-number button (the number itself never passes the miniapp). */
export function useBindPhone(onBound?: () => void): BindPhone {
  const { setMe } = useSession()
  const [state, setState] = useState<BindPhone['state']>({ status: 'idle' })
  const bind = useCallback(
    async (detail: PhoneNumberEventDetail | undefined) => {
      const code = platform.phoneCode(detail)
      if (!code) {
        setState({ status: 'refused' })
        return
      }
      setState({ status: 'running' })
      try {
        setMe(await api.bindPhone({ body: { code } }))
        setState({ status: 'done' })
        onBound?.()
      } catch (e) {
        setState({ status: 'error', error: toApiError(e) })
      }
    },
    [setMe, onBound],
  )
  return { available: platform.supportsPhoneNumber, state, bind }
}
