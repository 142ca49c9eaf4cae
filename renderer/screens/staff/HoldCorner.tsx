/**
 * The discreet entry to the staff console: an unmarked corner of the home screen that opens
 * only when held for 3 seconds (a citizen's tap does nothing). It is a real button with the
 * accessible name 係員メニュー, so staff using a screen reader or keyboard can reach it too
 * (hold Enter or Space).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export const HOLD_MS = 3000;

export function HoldCorner({ onHeld }: { onHeld: () => void }) {
  const { t } = useTranslation('staff');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const cancel = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  const start = () => {
    cancel();
    timer.current = setTimeout(() => {
      timer.current = null;
      onHeld();
    }, HOLD_MS);
  };
  useEffect(() => cancel, []);

  return (
    <button
      type="button"
      className="staff-corner"
      aria-label={t('corner.label')}
      data-testid="staff-corner"
      onPointerDown={start}
      onPointerUp={cancel}
      onPointerLeave={cancel}
      onPointerCancel={cancel}
      onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if ((e.key === 'Enter' || e.key === ' ') && !e.repeat) {
          e.preventDefault();
          start();
        }
      }}
      onKeyUp={cancel}
    />
  );
}
