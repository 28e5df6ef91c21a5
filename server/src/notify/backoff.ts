// 45009 (daily quota reached): stop sending a template for a while, doubling the pause on each
// repeat, never past the quota's reset at midnight China time (UTC+8). Per process; other instances
// learn it from their own 45009.

const FIRST_PAUSE_MS = 60_000
const CHINA_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

export function nextChinaMidnight(now: number): number {
  return (Math.floor((now + CHINA_OFFSET_MS) / DAY_MS) + 1) * DAY_MS - CHINA_OFFSET_MS
}

export class TemplateBackoff {
  private readonly state = new Map<string, { until: number; streak: number }>()

  /** Until when sends of this template wait (0: they may go now). */
  until(templateId: string): number {
    return this.state.get(templateId)?.until ?? 0
  }

  /** Records a 45009 at `now`; returns when to try again. */
  hit(templateId: string, now: number): number {
    const streak = (this.state.get(templateId)?.streak ?? 0) + 1
    const until = Math.min(now + FIRST_PAUSE_MS * 2 ** (streak - 1), nextChinaMidnight(now))
    this.state.set(templateId, { until, streak })
    return until
  }

  /** A send went through: the quota is back. */
  clear(templateId: string): void {
    this.state.delete(templateId)
  }
}
