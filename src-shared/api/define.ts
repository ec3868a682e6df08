import type { z } from 'zod'

/** One request/response pair of the contract. Both sides infer their types from these schemas. */
export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req
  response: Res
}

export const defineChannel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): ChannelDef<Req, Res> => ({
  request,
  response,
})
