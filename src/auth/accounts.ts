import type { Deps } from '../deps';
import { staffUserSchema, type Role, type StaffUser } from '../domain/staff-user';
import { hashPassword } from '../security/password';

/** Emails are stored trimmed and lower-cased, so what an admin typed and what a user logs in with agree. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewStaffUser {
  email: string;
  password: string;
  role: Role;
  name?: string;
  departments?: string[];
  capacity?: number;
}

/**
 * Build and store a new account (the password hashed). Returns null when the email is taken:
 * the store decides atomically, so two concurrent creates of one email cannot both succeed.
 */
export async function createStaffUser(deps: Deps, input: NewStaffUser): Promise<StaffUser | null> {
  const user = staffUserSchema.parse({
    id: deps.ids(),
    email: normalizeEmail(input.email),
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    departments: input.departments,
    capacity: input.capacity,
    createdAt: deps.clock.now(),
  });
  return (await deps.store.users.create(user)) ? user : null;
}
