-- Details of how an attack was carried out that attribution reads (GTD): weapon subtypes, the targets' nationalities,
-- whether it was one of several coordinated attacks, property damage, hostages, and how many took part. Added at the
-- end of the table, in the order the importer appends them; events imported before this version have them NULL.
ALTER TABLE events ADD COLUMN weapon_subtypes VARCHAR[];
ALTER TABLE events ADD COLUMN target_nationalities VARCHAR[];
ALTER TABLE events ADD COLUMN part_of_multiple BOOLEAN;
ALTER TABLE events ADD COLUMN property_damage BOOLEAN;
ALTER TABLE events ADD COLUMN hostages BOOLEAN;
ALTER TABLE events ADD COLUMN perpetrators INTEGER;
