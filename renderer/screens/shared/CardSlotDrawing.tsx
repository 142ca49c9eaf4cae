/** A simple drawing of a My Number Card going into the card slot (inline SVG, no image file). */
export function CardSlotDrawing({ label }: { label: string }) {
  return (
    <svg className="card-drawing" viewBox="0 0 320 240" role="img" aria-label={label}>
      {/* The kiosk's face with the slot. */}
      <rect x="20" y="150" width="280" height="70" rx="14" fill="#e8f1fe" stroke="#0017c1" strokeWidth="4" />
      <rect x="70" y="168" width="180" height="14" rx="7" fill="#1a1a1a" />
      {/* The card, photo side up, half way in. */}
      <g className="card-drawing__card">
        <rect x="90" y="24" width="140" height="150" rx="10" fill="#ffffff" stroke="#1a1a1a" strokeWidth="4" />
        <rect x="106" y="44" width="44" height="56" rx="4" fill="#c5d7fb" stroke="#0017c1" strokeWidth="3" />
        <rect x="160" y="50" width="56" height="8" rx="4" fill="#666666" />
        <rect x="160" y="68" width="46" height="8" rx="4" fill="#666666" />
        <rect x="160" y="86" width="52" height="8" rx="4" fill="#666666" />
        <rect x="106" y="116" width="34" height="26" rx="4" fill="#d4a017" stroke="#1a1a1a" strokeWidth="2" />
      </g>
      {/* The arrow: push down into the slot. */}
      <path d="M270 40 v80 m-18 -18 l18 18 l18 -18" fill="none" stroke="#0017c1" strokeWidth="8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
