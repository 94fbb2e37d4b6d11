// 部门管理 (administrators): the departments that own consultations, events and answers, and adding one.
import type { Department } from '@gm/shared'
import { useState } from 'react'
import { api } from '../api'
import { type Action, useAction } from './useAction'
import { type RequestState, useRequest } from './useRequest'

export interface DepartmentAdmin {
  list: RequestState<Department[]>
  name: string
  setName: (name: string) => void
  create: Action<[]>
  /** The department just added, for the notice. */
  created: Department | null
}

export function useDepartmentAdmin(enabled: boolean): DepartmentAdmin {
  const list = useRequest(() => (enabled ? api.listDepartments() : Promise.resolve([] as Department[])), [enabled])
  const [name, setName] = useState('')
  const [created, setCreated] = useState<Department | null>(null)
  const create = useAction(async () => {
    const department = await api.createDepartment({ body: { name: name.trim() } })
    setCreated(department)
    setName('')
    await list.reload()
  })
  return { list, name, setName, create, created }
}
