// The complaint scorer lives in ./complaint/ (lexicons, features, weights); this is its front door.
export * from './complaint/index';
