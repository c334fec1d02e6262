// Input schemas of the participation service; filled in with the service.
export {};
