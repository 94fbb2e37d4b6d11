// 集中意见 editor: rename a group, pick its members (an opinion picked here leaves its old group), split some out into a new group.
import { useState } from 'react'
import { api } from '../api'
import { type Action, useAction } from './useAction'

export interface GroupEditor {
  title: string
  setTitle: (title: string) => void
  /** The members as they will be saved. */
  picked: Set<number>
  toggle: (opinionId: number, on: boolean) => void
  /** Save the title and the picked members (opinions picked from another group move here). */
  save: Action<[override?: string]>
  /** Members chosen to be split out into a new group. */
  splitOut: Set<number>
  toggleSplit: (opinionId: number, on: boolean) => void
  /** Take the opinions in `splitOut` into a new group with this title (they leave this one). */
  split: Action<[newTitle: string]>
}

const toggled = (old: Set<number>, id: number, on: boolean) => {
  const next = new Set(old)
  if (on) next.add(id)
  else next.delete(id)
  return next
}

export function useGroupEditor(group: { id: number; title: string; opinionIds: readonly number[] }, consultationId: number, onDone: () => void): GroupEditor {
  const [title, setTitle] = useState(group.title)
  const [picked, setPicked] = useState(() => new Set(group.opinionIds))
  const [splitOut, setSplitOut] = useState(() => new Set<number>())
  const toggle = (opinionId: number, on: boolean) => setPicked((old) => toggled(old, opinionId, on))
  const toggleSplit = (opinionId: number, on: boolean) => setSplitOut((old) => toggled(old, opinionId, on))
  const save = useAction(async (override?: string) => {
    await api.updateGroup({ params: { id: group.id }, body: { title: title.trim(), opinionIds: [...picked], ...(override ? { override } : {}) } })
    onDone()
  })
  const split = useAction(async (newTitle: string) => {
    await api.createGroup({ params: { id: consultationId }, body: { title: newTitle.trim(), opinionIds: [...splitOut] } })
    onDone()
  })
  return { title, setTitle, picked, toggle, save, splitOut, toggleSplit, split }
}
