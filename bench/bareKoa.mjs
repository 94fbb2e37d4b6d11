#!/usr/bin/env node
// The ceiling for `npm run bench`: a bare Koa app answering GET /api/consultations with a fixed JSON body
// (the BFF's own first page, serialized per request like the BFF does), and a refusal to any POST (the signup burst's ceiling). Usage: node bench/bareKoa.mjs <body.json> <port>
import { readFileSync } from 'node:fs'
import Koa from 'koa'

const [file, port] = process.argv.slice(2)
const body = JSON.parse(readFileSync(file, 'utf8'))
const app = new Koa()
app.use(async (ctx) => {
  if (ctx.method === 'POST') {
    // The signup burst's ceiling: read the request, answer like a refused signup.
    for await (const chunk of ctx.req) void chunk
    ctx.status = 409
    ctx.body = { error: { code: 'SEATS_EXHAUSTED', message: '名额已满', details: null } }
    return
  }
  ctx.body = body
})
app.listen(Number(port), '127.0.0.1', () => console.log('ready'))
