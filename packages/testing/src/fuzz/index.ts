export { castCallers } from './fuzz-service';
export { itFuzzesEveryProcedure } from './it-fuzzes-every-procedure';
export type { FuzzedService } from './it-fuzzes-every-procedure';
export { proceduresOf } from './fuzz-procedures';
export type { FuzzCallers, FuzzFinding, FuzzTarget } from './fuzz-procedures';
