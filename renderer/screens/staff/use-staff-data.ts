/**
 * What every staff screen does with the data it shows: fetch it through the kiosk client when it
 * opens (and again on `reload`, or every `refreshMs`), keep the last answer, and turn a failure
 * into an i18n error key (staff-format.ts `errorKey`). A success clears the error.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useKiosk } from '../../app/kiosk-context';
import type { KioskClient } from '../../kiosk-client/kiosk-client';
import { errorKey } from './staff-format';

export interface StaffData<T> {
  /** The last answer; null until the first one arrives. */
  data: T | null;
  setData: React.Dispatch<React.SetStateAction<T | null>>;
  /** i18n key of the last failure (of the fetch, or of an action that reported one). */
  error: string | null;
  setError: (key: string | null) => void;
  /** Fetches again. */
  reload: () => void;
}

export function useStaffData<T>(fetch: (client: KioskClient) => Promise<T>, options: { refreshMs?: number } = {}): StaffData<T> {
  const { client } = useKiosk();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The latest fetch, so that an inline arrow does not refetch on every render.
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  const reload = useCallback(() => {
    fetchRef.current(client).then(
      (d) => {
        setData(d);
        setError(null);
      },
      (err: unknown) => setError(errorKey(err)),
    );
  }, [client]);
  const { refreshMs } = options;
  useEffect(() => {
    reload();
    if (refreshMs === undefined) return undefined;
    const id = setInterval(reload, refreshMs);
    return () => clearInterval(id);
  }, [reload, refreshMs]);
  return { data, setData, error, setError, reload };
}
