// Input schemas of the campaign service; filled in with the service.
export {};
