// 答复模板: the templates a reviewer may use and keep (own departments; administrators all), the editing form, and filling one into an answer.
import { type AnswerTemplate, type AnswerTemplateBody, AnswerTemplateBodySchema, type AnswerTemplateValues, fillAnswerTemplate } from '@gm/shared'
import { useState } from 'react'
import { api, toApiError } from '../api'
import { type FieldErrors, serverFieldErrors, validateWith } from '../utils/form'
import { type Action, useAction } from './useAction'
import { type RequestState, useRequest } from './useRequest'

export type AnswerTemplateValuesForm = { departmentId: string; title: string; body: string }
type Field = keyof AnswerTemplateValuesForm

/** The templates in the staff member's scope (none fetched until `enabled`). */
export function useAnswerTemplates(enabled: boolean): RequestState<AnswerTemplate[]> {
  return useRequest(() => (enabled ? api.listAnswerTemplates({ query: {} }) : Promise.resolve([] as AnswerTemplate[])), [enabled])
}

/** "2026-11-21" → "2026年11月21日", as a reply letter writes dates. */
export const chineseDate = (ymd: string) =>
  ymd.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`)

/** The templates an answer form offers: the chosen 答复部门's (every one in scope while none is chosen). */
export const offeredTemplates = (templates: readonly AnswerTemplate[], departmentId: string): AnswerTemplate[] =>
  templates.filter((t) => !departmentId || t.department.id === Number(departmentId))

/** An answer's text from a template: its placeholders resolved from what the form knows (one shared rule). */
export const answerFromTemplate = (template: Pick<AnswerTemplate, 'body'>, values: AnswerTemplateValues) => fillAnswerTemplate(template.body, values)

/** What an answer form holds that a template's placeholders read. */
type AnswerFormValues = { departmentId: string; repliedOn: string; content: string }

/**
 * The template chooser of an answer form (opinion, group, event opinion): the templates the chosen
 * 答复部门 offers, and `use(id)` filling 答复内容 from one — 称呼 is always 市民朋友 (answers are public),
 * 答复部门 and 答复日期 come from the form, the rest (`known`) from what is being answered.
 */
export function templateChooser(
  templates: readonly AnswerTemplate[],
  departments: readonly { id: number; name: string }[],
  form: { values: AnswerFormValues; setField: (name: 'content', value: string) => void },
  known: Omit<AnswerTemplateValues, '称呼' | '答复部门' | '答复日期'>,
): { offered: AnswerTemplate[]; use: (id: number) => void } {
  const offered = offeredTemplates(templates, form.values.departmentId)
  const use = (id: number) => {
    const template = offered.find((t) => t.id === id)
    if (!template) return
    form.setField(
      'content',
      answerFromTemplate(template, {
        称呼: '市民朋友',
        ...known,
        答复部门: departments.find((d) => String(d.id) === form.values.departmentId)?.name,
        答复日期: chineseDate(form.values.repliedOn),
      }),
    )
  }
  return { offered, use }
}

export interface AnswerTemplateDesk {
  list: RequestState<AnswerTemplate[]>
  values: AnswerTemplateValuesForm
  errors: FieldErrors<Field>
  /** The template being changed; null while writing a new one. */
  editingId: number | null
  setField: (name: Field, value: string) => void
  /** Put a template in the form to change it. */
  edit: (template: AnswerTemplate) => void
  /** Empty the form for a new template. */
  startNew: () => void
  save: Action<[]>
  remove: Action<[number]>
  /** The template being deleted now. */
  removingId: number | null
  notice: string | null
}

const emptyValues = (departmentId: number | undefined): AnswerTemplateValuesForm => ({
  departmentId: departmentId ? String(departmentId) : '',
  title: '',
  body: '',
})

/** 答复模板管理: list, write, change and delete; the shared AnswerTemplateBodySchema checks the form before sending. */
export function useAnswerTemplateDesk(enabled: boolean, defaultDepartmentId: number | undefined): AnswerTemplateDesk {
  const list = useAnswerTemplates(enabled)
  const [values, setValues] = useState<AnswerTemplateValuesForm>(() => emptyValues(defaultDepartmentId))
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const [editingId, setEditingId] = useState<number | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [removingId, setRemovingId] = useState<number | null>(null)

  const setField = (name: Field, value: string) => {
    setValues((v) => ({ ...v, [name]: value }))
    setErrors((e) => ({ ...e, [name]: undefined }))
  }
  const edit = (template: AnswerTemplate) => {
    setValues({ departmentId: String(template.department.id), title: template.title, body: template.body })
    setEditingId(template.id)
    setErrors({})
    setNotice(null)
  }
  const startNew = () => {
    setValues(emptyValues(defaultDepartmentId))
    setEditingId(null)
    setErrors({})
  }

  const save = useAction(async () => {
    const checked = validateWith<typeof AnswerTemplateBodySchema, Field>(AnswerTemplateBodySchema, {
      departmentId: values.departmentId ? Number(values.departmentId) : undefined,
      title: values.title,
      body: values.body,
    })
    if (!checked.ok) {
      setErrors({ ...checked.errors, ...(values.departmentId ? {} : { departmentId: '请选择部门' }) })
      return
    }
    const body: AnswerTemplateBody = checked.data
    try {
      const saved = editingId === null ? await api.createAnswerTemplate({ body }) : await api.updateAnswerTemplate({ params: { id: editingId }, body })
      setNotice(`已保存「${saved.title}」`)
      setValues(emptyValues(defaultDepartmentId))
      setEditingId(null)
      await list.reload()
    } catch (error) {
      setErrors(serverFieldErrors<Field>(toApiError(error).fields, ['departmentId', 'title', 'body']))
      throw error
    }
  })

  const remove = useAction(async (id: number) => {
    setRemovingId(id)
    try {
      await api.deleteAnswerTemplate({ params: { id } })
    } finally {
      setRemovingId(null)
    }
    if (editingId === id) startNew()
    setNotice('已删除模板')
    await list.reload()
  })

  return { list, values, errors, editingId, setField, edit, startNew, save, remove, removingId, notice }
}
