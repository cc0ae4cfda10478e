/**
 * The mark: a locker cabinet, one door lit in the brand's orange — the door that is yours.
 * The same drawing is the favicon (app/icon.svg, app/favicon.ico).
 */
export function Logo({ size = 32, className = "" }: { size?: number; className?: string }) {
  return (
    <svg viewBox="0 0 64 64" width={size} height={size} aria-hidden focusable="false" className={`shrink-0 ${className}`}>
      <rect width="64" height="64" rx="14" fill="#c2410c" />
      <rect x="12" y="10" width="40" height="44" rx="4" fill="#fff" />
      <g fill="#fed7aa">
        <rect x="16" y="14" width="14" height="10" rx="1.5" />
        <rect x="34" y="14" width="14" height="10" rx="1.5" />
        <rect x="16" y="28" width="14" height="10" rx="1.5" />
        <rect x="16" y="42" width="14" height="8" rx="1.5" />
        <rect x="34" y="42" width="14" height="8" rx="1.5" />
      </g>
      <rect x="34" y="28" width="14" height="10" rx="1.5" fill="#9a3412" />
      <circle cx="45" cy="33" r="1.6" fill="#fff" />
    </svg>
  );
}
