import { createRouter } from '../../http/router';
import { onClose, onContact, onCreate, onEvents, onGet, onHandoff, onPost, onRating, onTyping } from './conversations.handlers';
import {
  closeConversation,
  conversationEvents,
  createConversation,
  getConversation,
  leaveContact,
  postMessage,
  rateConversation,
  requestHandoff,
  visitorTyping,
} from './conversations.routes';

export const conversationRoutes = createRouter()
  .openapi(createConversation, onCreate)
  .openapi(postMessage, onPost)
  .openapi(getConversation, onGet)
  .openapi(conversationEvents, onEvents)
  .openapi(requestHandoff, onHandoff)
  .openapi(leaveContact, onContact)
  .openapi(rateConversation, onRating)
  .openapi(closeConversation, onClose)
  .openapi(visitorTyping, onTyping);
