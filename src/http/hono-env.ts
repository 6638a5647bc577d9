import type { Deps } from '../deps';

/** The one typed Hono environment of the app. */
export interface HonoEnv {
  Variables: {
    requestId: string;
    deps: Deps;
    /** Set by the visitor-auth middleware: the conversation the token grants. */
    conversationId: string;
  };
}
