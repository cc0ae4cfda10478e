/*
 * Where a courier goes the moment a parcel's door is closed: back to the site's deposit
 * form, which confirms the parcel just deposited and offers the next scan at the top of
 * the screen. Both ways a deposit completes lead here: the courier's "Door closed" button
 * (confirmDepositAction) and the cabinet's own door-closed report seen by the door screen.
 * No imports: server actions and client components alike may use it.
 */
export function nextScanPath(siteId: number, depositedParcelId: number): string {
  return `/courier/sites/${siteId}?last=${depositedParcelId}`;
}
