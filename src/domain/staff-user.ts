import { z } from 'zod';

/** What a staff user id may look like: ids end up in store keys, so no separators or spaces. */
export const STAFF_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Staff roles; an admin may do everything an operator or editor may. */
export const roleSchema = z.enum(['operator', 'editor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/** A staff account as stored. `passwordHash` never leaves the server (see publicUser). */
export const staffUserSchema = z.object({
  id: z.string(),
  email: z.string().email(),
  name: z.string().optional(),
  role: roleSchema,
  passwordHash: z.string(),
  /** Departments this operator serves; empty means all. */
  departments: z.array(z.string()).default([]),
  /** Most conversations an operator holds at once. */
  capacity: z.number().int().min(1).max(50).default(3),
  disabled: z.boolean().default(false),
  createdAt: z.number(),
  /** Bumped by every update: an update names the version it read (compare-and-set). */
  version: z.number().int().default(0),
});
export type StaffUser = z.infer<typeof staffUserSchema>;

export function publicUser(user: StaffUser) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    departments: user.departments,
    capacity: user.capacity,
    disabled: user.disabled,
  };
}

/** Whether a user of `role` may use a route open to `required`. */
export function roleAllows(role: Role, required: Role): boolean {
  return role === 'admin' || role === required;
}

/** How the visitor and colleagues see a staff member: the name, else the email's local part. */
export function displayName(user: Pick<StaffUser, 'name' | 'email'>): string {
  return user.name ?? user.email.split('@')[0] ?? 'Operator';
}
