import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AuthEnv } from '../../infra/auth/actor.ts';
import type { Permission } from '../../infra/auth/grants.ts';
import { permissionGuard } from '../../infra/auth/require-permission.ts';
import { requireStepUp } from '../../infra/auth/step-up.ts';
import { createMiddleware } from 'hono/factory';
import { defaultHook } from '../../infra/http/default-hook.ts';
import { WriteAnswer, errorResponses } from '../schemas/common.ts';

/** A feature's sub-app: validation failures become 400 problems naming each field. */
export const featureApp = () => new OpenAPIHono<AuthEnv>({ defaultHook });

/** Pieces of a write route's OpenAPI definition, so each route states only what is its own. */
export const security = [{ bearerAuth: [] }];

/** Bearer scheme, the permission check and its `x-permission` (the app authenticates first). */
export const guarded = (permission: Permission) => permissionGuard(permission);

/**
 * `guarded`, and a second factor passed within `QM_STEP_UP_MINUTES` (refunds, role changes):
 * 403 `step-up-required` otherwise. `x-step-up` marks it in the OpenAPI document. Without
 * `stepUpMinutes` (tests of other features) the check is off.
 */
export const guardedWithStepUp = (permission: Permission, deps: { stepUpMinutes?: number | undefined }) => {
  const guard = permissionGuard(permission);
  const stepUp =
    deps.stepUpMinutes === undefined
      ? createMiddleware<AuthEnv>(async (_c, next) => next())
      : requireStepUp(deps.stepUpMinutes);
  return {
    ...guard,
    middleware: [...guard.middleware, stepUp] as [...typeof guard.middleware, typeof stepUp],
    'x-step-up': true,
  };
};

export const jsonBody = <Schema extends z.ZodType>(schema: Schema) => ({
  content: { 'application/json': { schema } },
  required: true,
});

export function writeResponses<Status extends 200 | 201>(
  status: Status,
  description: string,
  schema: z.ZodType = WriteAnswer,
) {
  return {
    [status]: { description, content: { 'application/json': { schema } } },
    ...errorResponses,
  } as {
    [S in Status]: { description: string; content: { 'application/json': { schema: z.ZodType } } };
  } & typeof errorResponses;
}
