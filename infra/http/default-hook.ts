import type { Hook } from '@hono/zod-openapi';
import { problemResponse } from './problem.ts';
import { fieldErrors, validationProblem } from './validation-problem.ts';

/**
 * The zod-openapi validation hook: `new OpenAPIHono({ defaultHook })`. A request that fails its
 * route's schemas is answered with a 400 problem naming each bad field (`query.limit`,
 * `header.x-consistency-token`) before the handler runs.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the hook serves every route, whatever its schema
export const defaultHook: Hook<any, any, any, Response | undefined> = (result, c) => {
  if (result.success) return undefined;
  const errors = fieldErrors(result.error.issues, result.target);
  return problemResponse(validationProblem(errors), c.req.path);
};
