/** What every screen and answer that names a site says of it: where it is, when it opens, whether it takes parcels. */
export type SiteFacts = {
  id: number;
  code: string;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  openingHours: string;
  status: "open" | "closed";
};
