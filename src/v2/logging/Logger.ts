import { LogLevel } from '../enums.js';

/** One log event. `message` never holds a credential, a token or a field value. */
export interface LogEntry {
  /** How important the event is. */
  level: Exclude<LogLevel, 'OFF'>;
  /** What happened, in one line (without the `[skyflow-bridge]` prefix the console gets). */
  message: string;
}

/** Receives log entries instead of the console; whatever it throws is ignored. */
export type LogSink = (entry: LogEntry) => void;

const rank: Record<LogLevel, number> = { DEBUG: 0, INFO: 1, WARN: 2, ERROR: 3, OFF: 4 };
const PREFIX = '[skyflow-bridge]';

function consoleSink({ level, message }: LogEntry): void {
  const line = `${level}: ${PREFIX} ${message}`;
  if (level === LogLevel.ERROR) console.error(line);
  else if (level === LogLevel.WARN) console.warn(line);
  else console.log(line);
}

/**
 * A client's logger: one line per event, at or above its level. Callers pass
 * fixed texts with ids, names, counts and codes only.
 */
export class Logger {
  level: LogLevel;
  readonly #sink: LogSink;

  constructor(level: LogLevel = LogLevel.ERROR, sink: LogSink = consoleSink) {
    this.level = level;
    this.#sink = sink;
  }

  debug(message: string): void {
    this.#log(LogLevel.DEBUG, message);
  }

  info(message: string): void {
    this.#log(LogLevel.INFO, message);
  }

  warn(message: string): void {
    this.#log(LogLevel.WARN, message);
  }

  error(message: string): void {
    this.#log(LogLevel.ERROR, message);
  }

  #log(level: LogEntry['level'], message: string): void {
    if (rank[level] < rank[this.level]) return;
    try {
      this.#sink({ level, message });
    } catch {
      // A failing sink must not turn a vault call into a failure.
    }
  }
}
