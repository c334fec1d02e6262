// Input schemas of the streamer service; filled in with the service.
export {};
