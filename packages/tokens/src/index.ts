export * from './access-token';
export * from './roles';
export * from './service-token';
