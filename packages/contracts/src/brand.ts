// Input schemas of the brand service; filled in with the service.
export {};
