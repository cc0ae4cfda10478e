/*
 * What may not be sent from a locker (after the State Post Bureau's catalogue of prohibited
 * items for delivery): shown beside the declaration the sender makes.
 */
export const PROHIBITED_ITEMS = [
  "Guns, ammunition, weapons and their parts, and controlled knives",
  "Explosives, fireworks and firecrackers",
  "Flammable gases, liquids and solids (lighters, petrol, alcohol-based solvents, matches)",
  "Toxic, corrosive or radioactive substances; pesticides",
  "Narcotics and psychotropic substances",
  "Lithium batteries on their own, power banks",
  "Live animals; perishable food that needs cooling",
  "Cash, securities, and counterfeit goods",
  "Anything that endangers national security or public order",
] as const;
