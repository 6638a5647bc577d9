import { createRouter } from '../../http/router';
import * as ch from './console.handlers';
import * as cr from './console.routes';
import * as h from './operator.handlers';
import * as r from './operator.routes';

export const operatorRoutes = createRouter()
  .openapi(r.getQueue, h.onQueue)
  .openapi(cr.listConversations, ch.onListConversations)
  .openapi(cr.listOperators, ch.onListOperators)
  .openapi(cr.flagAnswer, ch.onFlagAnswer)
  .openapi(r.getOperatorConversation, h.onView)
  .openapi(r.claimConversation, h.onClaim)
  .openapi(r.releaseConversation, h.onRelease)
  .openapi(r.transferConversation, h.onTransfer)
  .openapi(r.resolveConversation, h.onResolve)
  .openapi(r.postOperatorMessage, h.onMessage)
  .openapi(r.postPresence, h.onPresence)
  .openapi(r.operatorEvents, h.onEvents)
  .openapi(r.operatorTyping, h.onTyping)
  .openapi(r.listCallbacks, h.onCallbacks)
  .openapi(r.completeCallback, h.onCallbackDone);
