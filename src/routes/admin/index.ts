import { createRouter } from '../../http/router';
import { onCreateUser, onListUsers, onUpdateUser } from './admin.handlers';
import { createUser, listUsers, updateUser } from './admin.routes';

export const adminRoutes = createRouter()
  .openapi(createUser, onCreateUser)
  .openapi(listUsers, onListUsers)
  .openapi(updateUser, onUpdateUser);
