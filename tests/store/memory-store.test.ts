import { createMemoryStore } from '../../src/store/memory/memory-store';
import { describeStoreContract } from './contract';

describeStoreContract('memory', () => createMemoryStore());
