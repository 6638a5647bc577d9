import { createRouter } from '../../http/router';
import { onLogin, onMe } from './auth.handlers';
import { login, me } from './auth.routes';

export const authRoutes = createRouter().openapi(login, onLogin).openapi(me, onMe);
