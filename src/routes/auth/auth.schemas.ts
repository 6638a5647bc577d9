import { z } from '@hono/zod-openapi';
import { text } from '../../security/text';
import { roleSchema } from '../../domain/staff-user';
import { EMAIL_MAX, PASSWORD_MAX } from '../../env';

/** A staff account as clients see it (publicUser): never the password hash. */
export const staffUserViewSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().optional(),
    role: roleSchema,
    departments: z.array(z.string()).openapi({ description: 'Departments served; empty means all' }),
    capacity: z.number().int().openapi({ description: 'Most conversations held at once' }),
    disabled: z.boolean(),
  })
  .openapi('StaffUser');

export const loginBody = z
  .object({
    email: z.string().trim().email().max(EMAIL_MAX).openapi({ example: 'admin@demo.local' }),
    // The cap keeps hashing cheap for absurd inputs; no real password is this long.
    password: text().min(1).max(PASSWORD_MAX),
  })
  .strict()
  .openapi('Login');

export const loginResultSchema = z
  .object({
    token: z.string().openapi({ description: 'Send as `Authorization: Bearer <token>`' }),
    expiresAt: z.number().openapi({ description: 'Epoch milliseconds when the token stops working' }),
    user: staffUserViewSchema,
  })
  .openapi('LoginResult');
