import { z } from '@hono/zod-openapi';
import { keyText, text } from '../../security/text';
import { roleSchema, STAFF_ID } from '../../domain/staff-user';
import { EMAIL_MAX, PASSWORD_MAX } from '../../env';

const password = text().min(8, 'must be at least 8 characters').max(PASSWORD_MAX);
const name = text().trim().min(1).max(200);
const departments = z
  .array(keyText().trim().min(1).max(64))
  .max(50)
  .openapi({ description: 'Departments this operator serves; empty means all' });
const capacity = z.number().int().min(1).max(50).openapi({ description: 'Most conversations held at once (default 3)' });

export const createUserBody = z
  .object({
    email: z.string().trim().email().max(EMAIL_MAX).openapi({ example: 'anna@shop.example' }),
    password,
    role: roleSchema,
    name: name.optional(),
    departments: departments.optional(),
    capacity: capacity.optional(),
  })
  .strict()
  .openapi('CreateStaffUser');

export const updateUserBody = z
  .object({
    role: roleSchema.optional(),
    name: name.optional(),
    departments: departments.optional(),
    capacity: capacity.optional(),
    disabled: z.boolean().optional().openapi({ description: 'A disabled account cannot sign in; its tokens stop working at once' }),
    password: password.optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((v) => v !== undefined), 'name at least one field to change')
  .openapi('UpdateStaffUser');

export const userIdParams = z.object({
  id: z.string().regex(STAFF_ID, 'is not a user id').openapi({ param: { name: 'id', in: 'path' } }),
});
