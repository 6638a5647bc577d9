import type { Deps } from '../deps';
import type { Role } from '../domain/staff-user';

/** The one typed Hono environment of the app. */
export interface HonoEnv {
  Variables: {
    requestId: string;
    deps: Deps;
    /** Set by the visitor-auth middleware: the conversation the token grants. */
    conversationId: string;
    /** Set by the staff-auth middleware: who is calling. */
    staff: { id: string; email: string; role: Role };
  };
}
