import { createRouter } from '../../http/router';
import { onCreate, onEvents, onGet, onPost } from './conversations.handlers';
import { conversationEvents, createConversation, getConversation, postMessage } from './conversations.routes';

export const conversationRoutes = createRouter()
  .openapi(createConversation, onCreate)
  .openapi(postMessage, onPost)
  .openapi(getConversation, onGet)
  .openapi(conversationEvents, onEvents);
