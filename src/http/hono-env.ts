import type { Deps } from '../deps';
import type { Role, StaffUser } from '../domain/staff-user';

/** The one typed Hono environment of the app. */
export interface HonoEnv {
  Variables: {
    requestId: string;
    deps: Deps;
    /** Set by the staff-auth middleware: who is calling. */
    staff: { id: string; email: string; role: Role };
    /** Set with it: the whole account as the middleware just loaded it. */
    staffUser: StaffUser;
  };
}
