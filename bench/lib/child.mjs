// Request/reply over a forked process's IPC channel. The vault and every
// client run in processes of their own: the vault's CPU is not the client's,
// and each client's CPU time and peak RSS are its own.
import { fork } from 'node:child_process';

/** A forked bench process: `request(message)` resolves with its reply. */
export class Child {
  #process;
  #pending = new Map();
  #nextId = 0;
  #exited = null;
  #stderrLines = 0;
  #stderrTail = '';

  /**
   * @param {string} file the module to fork
   * @param {{ env?: Record<string, string>, execArgv?: string[], name: string }} options
   */
  constructor(file, { env = {}, execArgv = [], name }) {
    this.name = name;
    this.#process = fork(file, [], {
      env: { ...process.env, ...env },
      execArgv,
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    // A client's stderr is where Node prints its warnings: read it as a log
    // collector would (every byte consumed), keep a count and the tail for errors.
    this.#process.stderr.setEncoding('utf8');
    this.#process.stderr.on('data', (chunk) => {
      for (let at = chunk.indexOf('\n'); at !== -1; at = chunk.indexOf('\n', at + 1)) this.#stderrLines++;
      this.#stderrTail = chunk.length >= 2000 ? chunk.slice(-2000) : (this.#stderrTail + chunk).slice(-2000);
    });
    this.#process.on('message', (message) => {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.error) pending.reject(new Error(`${this.name}: ${message.error}`));
      else pending.resolve(message.reply);
    });
    this.#process.on('exit', (code, signal) => {
      this.#exited = { code, signal };
      const reason = new Error(`${this.name} exited (${signal ?? code}) with requests pending.\n${this.#stderrTail}`);
      for (const pending of this.#pending.values()) {
        clearTimeout(pending.timer);
        pending.reject(reason);
      }
      this.#pending.clear();
    });
  }

  /** Lines the process has written to stderr so far. */
  get stderrLines() {
    return this.#stderrLines;
  }

  /** Sends `message` and resolves with the reply; rejects after `timeoutMs` or when the process dies. */
  request(message, timeoutMs = 120_000) {
    if (this.#exited) return Promise.reject(new Error(`${this.name} has exited.`));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${this.name} did not answer '${message.type}' within ${timeoutMs / 1000} s.`));
      }, timeoutMs);
      this.#pending.set(id, { resolve, reject, timer });
      this.#process.send({ ...message, id });
    });
  }

  /** Asks the process to stop, and kills it if it does not within a few seconds. */
  async close() {
    if (this.#exited) return;
    const exited = new Promise((resolve) => this.#process.once('exit', resolve));
    this.#process.disconnect();
    const timer = setTimeout(() => this.#process.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * The child's side: answers each request with `handlers[message.type](message)`;
 * a handler's exception goes back as the error of that request. The process
 * ends when the parent disconnects.
 */
export function serve(handlers) {
  process.on('message', async (message) => {
    const handler = handlers[message.type];
    try {
      if (!handler) throw new Error(`unknown request '${message.type}'`);
      process.send({ id: message.id, reply: await handler(message) });
    } catch (error) {
      process.send({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  process.on('disconnect', () => {
    Promise.resolve(handlers.close?.()).finally(() => process.exit(0));
  });
}
