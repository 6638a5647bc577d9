import { createRouter } from '../../http/router';
import * as h from './conversations.handlers';
import * as r from './conversations.routes';

export const conversationRoutes = createRouter()
  .openapi(r.createConversation, h.onCreate)
  .openapi(r.postMessage, h.onPost)
  .openapi(r.getConversation, h.onGet)
  .openapi(r.conversationEvents, h.onEvents)
  .openapi(r.requestHandoff, h.onHandoff)
  .openapi(r.leaveContact, h.onContact)
  .openapi(r.rateConversation, h.onRating)
  .openapi(r.closeConversation, h.onClose)
  .openapi(r.visitorTyping, h.onTyping);
