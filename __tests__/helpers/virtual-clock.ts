import type { Clock } from '../../src/runtime/clock.js'

/** A clock whose sleeps advance time instantly, and which records every sleep for assertions. */
export class VirtualClock implements Clock {
  readonly sleeps: number[] = []
  constructor(private time = Date.parse('2026-11-22T10:00:00Z')) {}
  now(): number {
    return this.time
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms)
    this.time += ms
  }
  advance(ms: number): void {
    this.time += ms
  }
}
