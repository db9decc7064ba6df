/**
 * The part of an SDK v3 client that adding a middleware needs; every generated client has it.
 * Shared by the middlewares here (in-flight cap, AWS time, unparseable answers), each of which
 * names its own step.
 */
export interface MiddlewareHost {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { commandName?: string }
      ) => (args: unknown) => Promise<unknown>,
      options: {
        step: 'initialize' | 'serialize' | 'build' | 'finalizeRequest' | 'deserialize'
        name: string
        priority: 'high' | 'normal' | 'low'
      }
    ): void
  }
}
