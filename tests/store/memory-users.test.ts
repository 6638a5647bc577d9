import { createMemoryUsers } from '../../src/store/memory/memory-users';
import { describeUsersContract } from './users-contract';

describeUsersContract('memory', () => createMemoryUsers());
