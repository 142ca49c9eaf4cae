/**
 * The simulator panel's fault switches (demo, technicians): the printer, cash unit and cashless
 * terminal faults the simulators model, and the back end down for a minute. Folded away until
 * asked for, so a demo's citizen screens stay uncluttered; each device's row shows only when that
 * device is a simulator.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskInfo, SimulatorFault } from '../../../contract/kiosk-api';
import type { CertificateViewState } from '../../app/use-certificate-view';

type Switch = { fault: SimulatorFault; label: string };

type Props = { simulated: KioskInfo['simulated']; call: CertificateViewState['call'] };

export function SimulatorFaults({ simulated, call }: Props) {
  const { t } = useTranslation('certificate');
  const [open, setOpen] = useState(false);
  const [applied, setApplied] = useState<string | null>(null);

  const rows: { device: SimulatorFault['device']; title: string; switches: Switch[] }[] = [];
  if (simulated.printer)
    rows.push({
      device: 'printer',
      title: t('simulator.faultPrinter'),
      switches: [
        { fault: { device: 'printer', fault: 'media-empty' }, label: t('simulator.printerMediaEmpty') },
        { fault: { device: 'printer', fault: 'media-jam' }, label: t('simulator.printerMediaJam') },
        { fault: { device: 'printer', fault: 'door-open' }, label: t('simulator.printerDoorOpen') },
        { fault: { device: 'printer', fault: 'clear' }, label: t('simulator.clear') },
      ],
    });
  if (simulated.cash)
    rows.push({
      device: 'cash',
      title: t('simulator.faultCash'),
      switches: [
        { fault: { device: 'cash', fault: 'jam' }, label: t('simulator.cashJam') },
        { fault: { device: 'cash', fault: 'door-open' }, label: t('simulator.cashDoorOpen') },
        { fault: { device: 'cash', fault: 'clear' }, label: t('simulator.clear') },
      ],
    });
  if (simulated.cashless)
    rows.push({
      device: 'cashless',
      title: t('simulator.faultCashless'),
      switches: [
        { fault: { device: 'cashless', fault: 'offline' }, label: t('simulator.cashlessOffline') },
        { fault: { device: 'cashless', fault: 'clear' }, label: t('simulator.clear') },
      ],
    });
  rows.push({
    device: 'backend',
    title: t('simulator.faultBackend'),
    switches: [{ fault: { device: 'backend', fault: 'down' }, label: t('simulator.backendDown') }],
  });

  const inject = async ({ fault, label }: Switch, title: string) => {
    setApplied(null);
    // A refusal (the back end without fault injection) is shown by the journey's own failure notice.
    if (await call('simulator.fault', fault)) setApplied(`${title} ${label}`);
  };

  return (
    <div className="sim-panel__faults">
      <button
        type="button"
        className="button sim-button"
        aria-expanded={open}
        aria-controls="sim-faults"
        onClick={() => setOpen((o) => !o)}
        data-testid="sim-faults-toggle"
      >
        {t('simulator.faults')}
      </button>
      {open ? (
        <div id="sim-faults" data-testid="sim-faults">
          {rows.map((row) => (
            <div key={row.device} className="sim-panel__row" role="group" aria-label={row.title}>
              <span className="sim-panel__label">{row.title}</span>
              {row.switches.map((s) => (
                <button
                  key={s.fault.fault}
                  type="button"
                  className="button sim-button"
                  onClick={() => void inject(s, row.title)}
                  data-testid={`sim-fault-${row.device}-${s.fault.fault}`}
                >
                  {s.label}
                </button>
              ))}
            </div>
          ))}
          {applied ? (
            <p className="sim-panel__label" role="status" data-testid="sim-fault-applied">
              {t('simulator.applied', { what: applied })}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
