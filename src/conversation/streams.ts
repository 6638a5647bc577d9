/** Event stream names: one per conversation for its visitor, one shared by operators. */
export const visitorStream = (conversationId: string) => `conv:${conversationId}`;
export const OPERATOR_STREAM = 'operators';
