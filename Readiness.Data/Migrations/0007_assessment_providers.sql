-- Who provides a structure: the municipality itself ('own'), its administrative union ('administrativeUnion')
-- or the district office ('district'). NULL means own, so every older assessment keeps its meaning.
ALTER TABLE assessments ADD COLUMN contact_person_provider TEXT
    CHECK (contact_person_provider IN ('own', 'administrativeUnion', 'district'));
ALTER TABLE assessments ADD COLUMN paid_staff_fte_provider TEXT
    CHECK (paid_staff_fte_provider IN ('own', 'administrativeUnion', 'district'));
ALTER TABLE assessments ADD COLUMN network_provider TEXT
    CHECK (network_provider IN ('own', 'administrativeUnion', 'district'));
ALTER TABLE assessments ADD COLUMN volunteer_coordination_provider TEXT
    CHECK (volunteer_coordination_provider IN ('own', 'administrativeUnion', 'district'));
ALTER TABLE assessments ADD COLUMN integration_concept_provider TEXT
    CHECK (integration_concept_provider IN ('own', 'administrativeUnion', 'district'));
