-- A blame names the group accused, which is not the group struck; and a statement may say which community an attack
-- struck ("Rafidah", "Hazara", "Sikh"). Claims recorded before keep a blamed group where it was read (target_id).
ALTER TABLE claims ADD COLUMN accused_id TEXT;
ALTER TABLE claims ADD COLUMN accused_name TEXT;
ALTER TABLE claims ADD COLUMN target_community TEXT;
