import { api, ApiError } from '../../miniapp/src/api'
import { consultation, consultationDetail, failNetwork, page, requestedUrl, respond } from './fixtures'
import Taro from './taroMock'

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('API client', () => {
  it('parses a successful response with the contract schema and calls the filled-in path', async () => {
    respond(200, consultationDetail({ id: 7 }))

    const detail = await api.getConsultation({ params: { id: 7 } })

    expect(detail.id).toBe(7)
    expect(detail.sections[0]?.heading).toBe('第一条')
    expect(requestedUrl()).toBe('http://127.0.0.1:3000/api/consultations/7')
    expect(Taro.request.mock.calls[0]?.[0]).toMatchObject({ method: 'GET', timeout: 15000 })
  })

  it('sends list filters as a query string and leaves out empty ones', async () => {
    respond(200, page([consultation()], 1, 1))

    const list = await api.listConsultations({ query: { status: 'open', q: '', departmentId: undefined, page: 2, pageSize: 10 } })

    expect(list.items).toHaveLength(1)
    expect(requestedUrl()).toBe('http://127.0.0.1:3000/api/consultations?status=open&page=2&pageSize=10')
  })

  it('sends a JSON body for POST endpoints', async () => {
    respond(200, { helpfulCount: 5, unhelpfulCount: 1 })

    await expect(api.rateQaItem({ params: { id: 4 }, body: { helpful: true } })).resolves.toEqual({ helpfulCount: 5, unhelpfulCount: 1 })
    expect(Taro.request.mock.calls[0]?.[0]).toMatchObject({
      url: 'http://127.0.0.1:3000/api/qa/4/feedback',
      method: 'POST',
      data: { helpful: true },
      header: expect.objectContaining({ 'Content-Type': 'application/json' }),
    })
  })

  it('turns a 400 VALIDATION_FAILED body into an ApiError carrying the field messages', async () => {
    respond(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: '提交的内容有误，请检查后重试',
        details: { fields: { 'query.pageSize': '每页最多 50 条', 'query.q': '关键词最多 50 个字' } },
        requestId: 'req-123',
      },
    })

    const error = await failure(api.listConsultations({ query: { pageSize: 80 } }))

    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '提交的内容有误，请检查后重试', requestId: 'req-123' })
    expect(error.fields).toEqual({ 'query.pageSize': '每页最多 50 条', 'query.q': '关键词最多 50 个字' })
  })

  it('keeps the server message and code of a 500 error body', async () => {
    respond(500, { error: { code: 'INTERNAL', message: '服务暂时出现问题，请稍后再试', requestId: 'req-9' } })

    const error = await failure(api.getOverview())

    expect(error).toMatchObject({ status: 500, code: 'INTERNAL', message: '服务暂时出现问题，请稍后再试', fields: {} })
  })

  it('reports a non-JSON gateway error as the service being unavailable', async () => {
    respond(502, '<html>Bad Gateway</html>')

    const error = await failure(api.getOverview())

    expect(error).toMatchObject({ status: 502, code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' })
  })

  it('reports a network failure as NETWORK_ERROR with a Chinese message', async () => {
    failNetwork()

    const error = await failure(api.listQaTopics())

    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' })
  })

  it('tells a timeout apart from other network failures', async () => {
    failNetwork('request:fail timeout')

    const error = await failure(api.listQaTopics())

    expect(error).toMatchObject({ code: 'NETWORK_ERROR', message: '网络请求超时，请检查网络后重试' })
  })

  it('rejects a 200 response that does not match the contract', async () => {
    respond(200, { openConsultations: '三' })

    const error = await failure(api.getOverview())

    expect(error).toMatchObject({ status: 200, code: 'BAD_RESPONSE' })
  })
})
