/** Seconds left until a deadline given as "milliseconds remaining when the event was sent". */
import { useEffect, useState } from 'react';

export function useCountdown(remainingMs: number | null): number {
  const [seconds, setSeconds] = useState(() => (remainingMs === null ? 0 : Math.ceil(remainingMs / 1000)));
  useEffect(() => {
    if (remainingMs === null) return;
    const deadline = Date.now() + remainingMs;
    const tick = () => setSeconds(Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
    tick();
    const timer = window.setInterval(tick, 250);
    return () => window.clearInterval(timer);
  }, [remainingMs]);
  return seconds;
}
