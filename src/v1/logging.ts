// v1 logging: one level for the whole module (as skyflow-node@1 has it), and
// lines `LEVEL: [Skyflow] message` on the console. Messages never hold a
// credential or a field value.
import { LogLevel } from './enums.js';

let current: LogLevel = LogLevel.ERROR;
const rank: Record<LogLevel, number> = { DEBUG: 0, INFO: 1, WARN: 2, ERROR: 3, OFF: 4 };

/** Sets the level of every v1 client's logs. @default LogLevel.ERROR */
export function setLevel(level: LogLevel): void {
  // Only a level's name changes it: anything else (even one that cannot become a key) is ignored.
  current = typeof level === 'string' && Object.hasOwn(rank, level) ? level : current;
}

export function getLevel(): LogLevel {
  return current;
}

/** A lifecycle line: printed as DEBUG at level DEBUG, as INFO at level INFO. */
export function logInfo(message: string): void {
  if (current === LogLevel.DEBUG) console.log(`DEBUG: [Skyflow] ${message}`);
  else if (current === LogLevel.INFO) console.log(`INFO: [Skyflow] ${message}`);
}

export function logWarn(message: string): void {
  if (rank[current] <= rank.WARN) console.warn(`WARN: [Skyflow] ${message}`);
}

export function logError(message: string): void {
  if (rank[current] <= rank.ERROR) console.error(`ERROR: [Skyflow] ${message}`);
}
